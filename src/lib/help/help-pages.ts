// The help pages from content/help/, in their chosen order, for the footer and the help index.
import { getCollection } from 'astro:content';

export async function helpPages() {
  return (await getCollection('help')).sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}
