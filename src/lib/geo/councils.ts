// Great Britain's councils (local authority districts) from content/postcodes/councils.json: their
// names as people write them, and the area id a council stands for in search, reports and counts.
import councilsJson from '../../../content/postcodes/councils.json';
import { areaByName, getAreas, nameKey, type Area } from './areas';

export interface Council {
  /** The ONS code: "E08000021". */
  code: string;
  /** "Newcastle upon Tyne", "Vale of Glamorgan". */
  name: string;
  /** Other names: the Welsh name, "Edinburgh" for "City of Edinburgh". */
  aliases: string[];
  latitude: number;
  longitude: number;
  /** How many live postcodes it has. */
  postcodes: number;
}

/**
 * A council's name as the postcode files give it ("Newcastle upon Tyne District (B)", "Barnet
 * London Boro", "Caerdydd - Cardiff") as people say it, with its other names.
 */
export function cleanCouncilName(raw: string): { name: string; aliases: string[] } {
  let text = raw.replace(/\s+/g, ' ').trim();
  const aliases: string[] = [];
  // Welsh councils: "Welsh - English".
  const bilingual = /^(.+?) - (.+)$/.exec(text);
  if (bilingual) {
    const welsh = bilingual[1]!.trim();
    text = bilingual[2]!.trim().replace(/^the /, '');
    text = text.charAt(0).toUpperCase() + text.slice(1);
    if (nameKey(welsh) !== nameKey(text)) aliases.push(welsh);
  }
  text = text.replace(/ District \(B\)$| \(B\)$| District$| London Boro$/, '');
  if (text === 'City and County of the City of London') text = 'City of London';
  const plain = /^(?:City of|County of) (.+)$/.exec(text)?.[1] ?? /^(.+) City$/.exec(text)?.[1];
  if (plain && text !== 'City of London') aliases.push(plain);
  if (text.includes('St. ')) aliases.push(text.replace(/St\. /g, 'St '));
  if (text === 'City of Kingston upon Hull') aliases.push('Hull');
  return { name: text, aliases: [...new Set(aliases)].filter((alias) => alias !== text) };
}

/** A ward's name as the postcode file gives it ("Elswick Ward", "Elvet, Gilesgate & Shincliffe ED") as people say it. */
export function cleanWardName(raw: string): string {
  return raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?:Ward|ED)$/, '')
    .replace(/ \(DET\)$/, '');
}

// Words a service area may put around a council's name: "Sunderland City Council", "the Borough of Gateshead".
const COUNCIL_WORDS =
  /^(?:the )?(?:(?:metropolitan )?borough of |city of )?(.+?)(?: (?:metropolitan borough|city|county|borough|district|unitary))?(?: council)?(?: area)?$/i;

let cached: { list: Council[]; byCode: Map<string, Council>; byName: Map<string, Council> } | undefined;

function councils() {
  if (!cached) {
    const list = councilsJson as Council[];
    const byName = new Map<string, Council>();
    for (const council of list) {
      for (const name of [council.name, ...council.aliases]) if (!byName.has(nameKey(name))) byName.set(nameKey(name), council);
    }
    cached = { list, byCode: new Map(list.map((council) => [council.code, council])), byName };
  }
  return cached;
}

export function getCouncils(): readonly Council[] {
  return councils().list;
}

export function councilByCode(code: string): Council | undefined {
  return councils().byCode.get(code);
}

/** The council a service area's name means ("Sunderland", "Sunderland City Council"), or undefined. */
export function councilByName(text: string): Council | undefined {
  const { byName } = councils();
  const exact = byName.get(nameKey(text));
  if (exact) return exact;
  const core = COUNCIL_WORDS.exec(text.replace(/\s+/g, ' ').trim())?.[1];
  return core ? byName.get(nameKey(core)) : undefined;
}

const COUNCIL_ID_PREFIX = 'council-';

/**
 * The area id a council stands for: the directory's own area of that name in content/areas when
 * there is one ("newcastle" for Newcastle upon Tyne), otherwise "council-e08000024".
 */
export function councilAreaId(council: Council, areas: readonly Area[] = getAreas()): string {
  return ownAreaOf(council, areas)?.id ?? `${COUNCIL_ID_PREFIX}${council.code.toLowerCase()}`;
}

/** The directory's own area (content/areas) that is this council, if any. */
export function ownAreaOf(council: Council, areas: readonly Area[] = getAreas()): Area | undefined {
  for (const name of [council.name, ...council.aliases]) {
    const area = areaByName(name, areas);
    if (area && (area.kind === 'district' || area.kind === 'town')) return area;
  }
  return undefined;
}

/** The council behind an id made by councilAreaId for a council with no area of its own. */
export function councilOfAreaId(id: string): Council | undefined {
  return id.startsWith(COUNCIL_ID_PREFIX) ? councilByCode(id.slice(COUNCIL_ID_PREFIX.length).toUpperCase()) : undefined;
}

/** The ids of the councils that have no area of their own in content/areas, for the search's area vocabulary. */
export function councilOnlyAreaIds(areas: readonly Area[] = getAreas()): string[] {
  return getCouncils()
    .filter((council) => !ownAreaOf(council, areas))
    .map((council) => councilAreaId(council, areas));
}
