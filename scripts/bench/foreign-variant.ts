// The sample directory as another publisher would send it: the same services, but every category
// replaced by a term of a council's own taxonomy (its names, codes, ids and tree), parent and leaf
// both carried, as many Open Referral feeds do. Search, filters and reports must find them as well
// as they find the sample's own: through the crosswalk and through their words.
import { uuidFor } from '../../src/lib/ids';
import { getTaxonomy } from '../../src/lib/taxonomy/taxonomy';

export const FOREIGN_TAXONOMY = { id: uuidFor('taxonomy', 'tyne-valley-council-service-types'), code: 'tvc-service-types' } as const;

/** Each of our categories as the council's taxonomy names it: [its code, its name]. */
const FOREIGN_NAMES: Record<string, [string, string]> = {
  'money-benefits-debt': ['MW', 'Money and Welfare'],
  'benefits-advice': ['MW01', 'Welfare rights advice'],
  'debt-advice': ['MW02', 'Debt and money advice'],
  budgeting: ['MW03', 'Financial capability'],
  'grants-and-emergency-funds': ['MW04', 'Local welfare assistance'],
  'energy-bills': ['MW05', 'Fuel poverty'],
  food: ['FN', 'Food and Nutrition'],
  'food-banks': ['FN01', 'Food poverty support'],
  'community-meals': ['FN02', 'Lunch clubs and community cafes'],
  'community-pantries': ['FN03', 'Food clubs'],
  'cooking-skills': ['FN04', 'Healthy cooking'],
  housing: ['HS', 'Housing'],
  'homelessness-support': ['HS01', 'Homeless prevention'],
  'housing-advice': ['HS02', 'Housing options'],
  'tenancy-support': ['HS03', 'Floating support'],
  'work-learning-volunteering': ['ES', 'Employment and Skills'],
  'employment-support': ['ES01', 'Employability'],
  'adult-learning': ['ES02', 'Community learning'],
  volunteering: ['ES03', 'Volunteer opportunities'],
  'english-language': ['ES04', 'ESOL'],
  'mental-health': ['EW', 'Emotional Wellbeing'],
  'talking-therapies': ['EW01', 'Counselling services'],
  'peer-support': ['EW02', 'Mutual aid groups'],
  'wellbeing-courses': ['EW03', 'Wellness courses'],
  bereavement: ['LB', 'Loss and Bereavement'],
  'bereavement-support': ['LB01', 'Grief support'],
  'bereavement-counselling': ['LB02', 'Specialist loss counselling'],
  'loneliness-social': ['SI', 'Social Isolation'],
  befriending: ['SI01', 'Companionship and visiting'],
  'social-groups': ['SI02', 'Clubs and social activities'],
  'mens-sheds': ['SI03', 'Sheds'],
  'physical-activity': ['AL', 'Active Lifestyles'],
  'walking-groups': ['AL01', 'Health walks'],
  'gentle-exercise': ['AL02', 'Low impact exercise'],
  'sport-for-all': ['AL03', 'Community sport'],
  swimming: ['AL04', 'Aquatics'],
  'arts-crafts-music': ['CC', 'Culture and Creativity'],
  'arts-and-crafts': ['CC01', 'Crafts'],
  'music-and-singing': ['CC02', 'Choirs and music'],
  'creative-writing': ['CC03', 'Writing and reading groups'],
  'nature-green-spaces': ['GB', 'Green and Blue Spaces'],
  gardening: ['GB01', 'Community growing'],
  'conservation-volunteering': ['GB02', 'Environmental volunteering'],
  'digital-skills': ['GO', 'Getting Online'],
  'digital-help': ['GO01', 'Digital inclusion'],
  'devices-and-data': ['GO02', 'Digital poverty'],
  carers: ['UC', 'Unpaid Carers'],
  'carer-support': ['UC01', 'Carer support'],
  'respite-breaks': ['UC02', 'Short breaks'],
  'long-term-conditions': ['LT', 'Long Term Health'],
  diabetes: ['LT01', 'Diabetes'],
  'heart-and-lung': ['LT02', 'Cardiac and respiratory'],
  'chronic-pain': ['LT03', 'Pain management'],
  dementia: ['LT04', 'Memory and cognition'],
  'cancer-support': ['LT05', 'Living with and beyond cancer'],
  stroke: ['LT06', 'Stroke survivors'],
  'alcohol-drugs': ['SM', 'Substance Misuse'],
  'alcohol-support': ['SM01', 'Alcohol services'],
  'drug-support': ['SM02', 'Drug services'],
  'recovery-groups': ['SM03', 'Recovery community'],
  'family-children': ['FA', 'Families'],
  parenting: ['FA01', 'Family support'],
  'baby-and-toddler': ['FA02', 'Early years'],
  'young-people': ['FA03', 'Youth services'],
  'advice-advocacy': ['AD', 'Advice'],
  advocacy: ['AD01', 'Independent advocacy'],
  'legal-advice': ['AD02', 'Legal services'],
  'general-advice': ['AD03', 'Information and advice'],
  'immigration-advice': ['AD04', 'Migrant support'],
  'health-services': ['PH', 'Public Health'],
  'sexual-health': ['PH01', 'Sexual health clinics'],
  'stop-smoking': ['PH02', 'Tobacco control'],
  'weight-management': ['PH03', 'Healthy weight'],
  'hearing-and-sight': ['PH04', 'Sensory impairment'],
  'urgent-help': ['CS', 'Crisis Support'],
  'crisis-lines': ['CS01', 'Crisis helplines'],
  'emergency-food': ['CS02', 'Emergency food provision'],
  'emergency-money': ['CS03', 'Emergency payments'],
  'emergency-housing': ['CS04', 'Emergency accommodation'],
  'domestic-abuse': ['CS05', 'Violence against women and girls'],
};

interface ForeignTermRecord {
  id: string;
  code: string;
  name: string;
  description: string;
  parent_id: string | null;
  taxonomy: string;
  taxonomy_id: string;
}

/** The council's term for one of our categories. */
export function foreignTermFor(categoryCode: string): ForeignTermRecord {
  const taxonomy = getTaxonomy();
  const category = taxonomy.categoryByCode.get(categoryCode);
  const names = FOREIGN_NAMES[categoryCode];
  if (!category || !names) throw new Error(`The foreign taxonomy has no term for category "${categoryCode}".`);
  const [code, name] = names;
  return {
    id: uuidFor('tvc-term', code),
    code,
    name,
    description: `${name} (Tyne Valley Council service type ${code}).`,
    parent_id: category.parent ? uuidFor('tvc-term', FOREIGN_NAMES[category.parent]![0]) : null,
    taxonomy: FOREIGN_TAXONOMY.code,
    taxonomy_id: FOREIGN_TAXONOMY.id,
  };
}

type RawAttribute = { id?: string; link_type?: string; taxonomy_term?: { id?: string; code?: string } | null; taxonomy_term_id?: string | null };

/**
 * A sample record with its categories swapped for the council's terms (leaf and parent). Its
 * places' accessibility terms are left as they are: the crosswalk is about categories.
 */
export function toForeignRecord(record: unknown): unknown {
  const taxonomy = getTaxonomy();
  const raw = record as { attributes?: RawAttribute[] };
  const attributes: RawAttribute[] = [];
  const added = new Set<string>();
  for (const attribute of raw.attributes ?? []) {
    const termId = attribute.taxonomy_term?.id ?? attribute.taxonomy_term_id ?? '';
    const category = taxonomy.categoryByUuid.get(termId);
    if (!category) {
      attributes.push(attribute);
      continue;
    }
    for (const code of [category.id, category.parent].filter((c): c is string => Boolean(c))) {
      const term = foreignTermFor(code);
      if (added.has(term.id)) continue;
      added.add(term.id);
      attributes.push({ id: uuidFor('tvc-attribute', `${attribute.id ?? termId}-${term.code}`), link_type: 'category', taxonomy_term: term });
    }
  }
  return { ...(record as object), attributes };
}

/** Every foreign term, for tests that look at the crosswalk. */
export function foreignTerms(): ForeignTermRecord[] {
  return Object.keys(FOREIGN_NAMES).map(foreignTermFor);
}
