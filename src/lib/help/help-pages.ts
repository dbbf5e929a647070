// The help pages from content/help/, in their chosen order, for the footer and the help index.
// Built into the site, they cannot change while the built server runs, so there they are read
// once (every page's footer asks; each read is a dynamic import through the module loader). In
// `astro dev` they are read afresh, so an edited page shows at once.
import { getCollection, type CollectionEntry } from 'astro:content';

let built: Promise<CollectionEntry<'help'>[]> | null = null;

async function readHelpPages(): Promise<CollectionEntry<'help'>[]> {
  return (await getCollection('help')).sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}

export function helpPages(): Promise<CollectionEntry<'help'>[]> {
  if (!import.meta.env.PROD) return readHelpPages();
  built ??= readHelpPages().catch((error: unknown) => {
    built = null; // try again next time rather than keep a failure
    throw error;
  });
  return built;
}

/** One help page by its name ("talk-to-someone"), from the same list; undefined when there is none. */
export async function helpPage(slug: string): Promise<CollectionEntry<'help'> | undefined> {
  return (await helpPages()).find((page) => page.id === slug);
}
