// The search evaluation set: what residents and link workers type (lay words, misspellings,
// feelings, whole phrases, names, places, "near me"), each with the services that answer it,
// given by the sample's own categories and names, never by what the search returns. Judged on the
// sample and on the same services sent with a council's taxonomy (foreign-variant.ts).

export const CASE_KINDS = ['lay word', 'misspelling', 'feeling', 'phrase', 'name', 'place', 'near me'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export interface EvaluationCase {
  kind: CaseKind;
  /** As typed into the search box. */
  q: string;
  /** The services that answer it: those in any of these categories (or the ones below them)... */
  categories?: string[];
  /** ...or whose name has any of these (case and accents aside)... */
  names?: string[];
  /** ...and, when given, only those whose name, place or areas say this place. */
  place?: string;
}

const lay = (q: string, ...categories: string[]): EvaluationCase => ({ kind: 'lay word', q, categories });
const typo = (q: string, ...categories: string[]): EvaluationCase => ({ kind: 'misspelling', q, categories });
const feeling = (q: string, ...categories: string[]): EvaluationCase => ({ kind: 'feeling', q, categories });
const phrase = (q: string, ...categories: string[]): EvaluationCase => ({ kind: 'phrase', q, categories });
const named = (q: string, name: string): EvaluationCase => ({ kind: 'name', q, names: [name] });
const at = (q: string, place: string, ...categories: string[]): EvaluationCase => ({ kind: 'place', q, categories, place });
const nearMe = (q: string, ...categories: string[]): EvaluationCase => ({ kind: 'near me', q, categories });

const LONELY = ['loneliness-social'];
const LOW = ['mental-health', 'talking-therapies', 'peer-support', 'wellbeing-courses', 'crisis-lines'];
const MONEY = ['money-benefits-debt', 'emergency-money'];
const FOOD = ['food', 'emergency-food'];
const GRIEF = ['bereavement'];

export const EVALUATION_CASES: EvaluationCase[] = [
  // Lay words: the words people use, not the directory's.
  lay('lonely', ...LONELY),
  lay('loneliness', ...LONELY),
  lay('isolated', ...LONELY),
  lay('no friends', ...LONELY),
  lay('make friends', 'social-groups', 'loneliness-social'),
  lay('meet people', 'social-groups', 'loneliness-social'),
  lay('skint', ...MONEY, 'food-banks'),
  lay('broke', ...MONEY),
  lay('money worries', ...MONEY),
  lay('debt', 'debt-advice', 'money-benefits-debt'),
  lay('bailiffs', 'debt-advice'),
  lay('universal credit', 'benefits-advice', 'money-benefits-debt'),
  lay('pip', 'benefits-advice'),
  lay('benefits', 'benefits-advice', 'money-benefits-debt'),
  lay('food', ...FOOD),
  lay('foodbank', 'food-banks', 'emergency-food'),
  lay('food parcel', 'food-banks', 'emergency-food'),
  lay('hungry', ...FOOD),
  lay('free food', ...FOOD),
  lay('hot meal', 'community-meals'),
  lay('lunch club', 'community-meals', 'social-groups'),
  lay('grief', ...GRIEF),
  lay('bereavement', ...GRIEF),
  lay('bereaved', ...GRIEF),
  lay('counselling', 'talking-therapies', 'bereavement-counselling'),
  lay('therapy', 'talking-therapies'),
  lay('befriending', 'befriending'),
  lay('homeless', 'homelessness-support', 'emergency-housing'),
  lay('evicted', 'housing-advice', 'housing', 'homelessness-support'),
  lay('rent arrears', 'housing-advice', 'housing', 'debt-advice'),
  lay('job', 'employment-support'),
  lay('cv', 'employment-support'),
  lay('volunteering', 'volunteering', 'conservation-volunteering'),
  lay('learn english', 'english-language'),
  lay('esol', 'english-language'),
  lay('walking', 'walking-groups'),
  lay('exercise', 'physical-activity'),
  lay('yoga', 'gentle-exercise'),
  lay('tai chi', 'gentle-exercise'),
  lay('swimming', 'swimming'),
  lay('football', 'sport-for-all'),
  lay('knitting', 'arts-and-crafts'),
  lay('art', 'arts-crafts-music'),
  lay('singing', 'music-and-singing'),
  lay('choir', 'music-and-singing'),
  lay('book club', 'creative-writing'),
  lay('gardening', 'gardening'),
  lay('allotment', 'gardening'),
  lay('computer help', 'digital-help', 'digital-skills'),
  lay('carer', 'carers'),
  lay('respite', 'respite-breaks'),
  lay('dementia', 'dementia'),
  lay('memory cafe', 'dementia'),
  lay('diabetes', 'diabetes'),
  lay('copd', 'heart-and-lung'),
  lay('cancer', 'cancer-support'),
  lay('stroke', 'stroke'),
  lay('alcohol', 'alcohol-drugs'),
  lay('drinking too much', 'alcohol-support', 'alcohol-drugs'),
  lay('drugs', 'alcohol-drugs'),
  lay('aa meeting', 'recovery-groups', 'alcohol-drugs'),
  lay('toddler group', 'baby-and-toddler'),
  lay('youth club', 'young-people'),
  lay('parenting', 'parenting', 'family-children'),
  lay('advocate', 'advocacy', 'advice-advocacy'),
  lay('citizens advice', 'general-advice', 'advice-advocacy'),
  lay('help with forms', 'general-advice', 'advice-advocacy'),
  lay('asylum', 'immigration-advice'),
  lay('refugee', 'immigration-advice', 'english-language'),
  lay('stop smoking', 'stop-smoking'),
  lay('lose weight', 'weight-management'),
  lay('sight loss', 'hearing-and-sight'),
  lay('mens shed', 'mens-sheds'),
  lay('domestic abuse', 'domestic-abuse'),
  lay('suicidal', 'crisis-lines'),
  lay('heating', 'energy-bills'),
  lay('warm space', 'energy-bills'),
  lay('coffee morning', 'social-groups'),
  lay('tenancy', 'tenancy-support', 'housing'),

  // Misspellings, as people type on a phone.
  typo('lonley', ...LONELY),
  typo('lonliness', ...LONELY),
  typo('fodbank', 'food-banks', 'emergency-food'),
  typo('foodbnak', 'food-banks', 'emergency-food'),
  typo('councelling', 'talking-therapies', 'bereavement-counselling'),
  typo('counciling', 'talking-therapies', 'bereavement-counselling'),
  typo('benfits', 'benefits-advice', 'money-benefits-debt'),
  typo('benifits', 'benefits-advice', 'money-benefits-debt'),
  typo('greif', ...GRIEF),
  typo('bereavment', ...GRIEF),
  typo('depresion', ...LOW),
  typo('anxeity', ...LOW),
  typo('dementa', 'dementia'),
  typo('excercise', 'physical-activity'),
  typo('swiming', 'swimming'),
  typo('gardning', 'gardening'),
  typo('volunteerin', 'volunteering'),
  typo('diabetis', 'diabetes'),
  typo('alchohol', 'alcohol-drugs'),
  typo('homless', 'homelessness-support', 'emergency-housing'),
  typo('walkin group', 'walking-groups'),
  typo('singin', 'music-and-singing'),
  typo('computor', 'digital-help', 'digital-skills'),
  typo('befriending servise', 'befriending'),
  typo('carers gruop', 'carers'),

  // Feelings, in their own words.
  feeling('feeling lonely', ...LONELY),
  feeling('i feel so alone', ...LONELY),
  feeling('feeling low', ...LOW),
  feeling('feeling down', ...LOW),
  feeling('feeling anxious', ...LOW),
  feeling('sad', ...LOW),
  feeling('depressed', ...LOW),
  feeling('stressed out', ...LOW),
  feeling('worried all the time', ...LOW),
  feeling("can't cope", ...LOW),
  feeling('cant cope anymore', ...LOW),
  feeling('need someone to talk to', ...LOW, 'befriending'),
  feeling('i just want to talk to someone', ...LOW, 'befriending'),
  feeling('no one to talk to', ...LONELY, 'talking-therapies'),
  feeling('panic attacks', 'talking-therapies', 'mental-health'),
  feeling('lost my husband', ...GRIEF),
  feeling('my mum died', ...GRIEF),
  feeling('struggling', ...LOW),
  feeling('overwhelmed', ...LOW),
  feeling('want to die', 'crisis-lines'),

  // Whole phrases and questions.
  phrase('help with money', ...MONEY),
  phrase('struggling with bills', ...MONEY, 'energy-bills'),
  phrase("can't afford food", ...FOOD, 'food-banks'),
  phrase('nothing to eat', ...FOOD),
  phrase("can't pay rent", 'housing-advice', 'housing'),
  phrase('nowhere to sleep tonight', 'emergency-housing', 'homelessness-support'),
  phrase('looking after my mum', 'carers'),
  phrase('something to do during the day', 'volunteering', 'social-groups', 'loneliness-social', 'work-learning-volunteering'),
  phrase('get out of the house', 'social-groups', 'volunteering', 'loneliness-social'),
  phrase('help getting a job', 'employment-support'),
  phrase('classes for older people', 'social-groups', 'gentle-exercise', 'adult-learning', 'physical-activity'),
  phrase('gentle exercise for over 60s', 'gentle-exercise', 'physical-activity'),
  phrase('groups for dads', 'parenting', 'family-children', 'mens-sheds'),
  phrase('help with my gas bill', 'energy-bills'),
  phrase('free laptop', 'devices-and-data', 'digital-skills'),
  phrase('learn to use my phone', 'digital-help', 'digital-skills'),
  phrase('support for carers', 'carers'),
  phrase('somewhere warm to go', 'energy-bills', 'social-groups'),
  phrase('mental health support', ...LOW),
  phrase('drop in for a cuppa', 'social-groups', 'community-meals'),

  // Names, as people remember them.
  named('Tyneside Listening Line', 'Tyneside Listening Line'),
  named('walker foodbank', 'Walker Foodbank'),
  named('Dunston Food Bank', 'Dunston Food Bank'),
  named('arches day centre', 'The Arches Day Centre'),
  named('heaton ukulele club', 'Heaton Ukulele Club'),
  named('Walker Mens Shed', "Walker Men's Shed"),
  named('safe harbour', 'Safe Harbour'),
  named('gosforth bereavement cafe', 'Gosforth Bereavement Café'),
  named('birtley shed', 'The Birtley Shed'),
  named('elswick cookery club', 'Elswick Cookery Club'),
  named('west end advice centre', 'West End Advice Centre'),
  named('men talk byker', 'Men Talk Byker'),
  named('forget me not dementia', 'Forget-me-not Dementia Advice Line'),
  named('quit together', 'Quit Together'),
  named('polish saturday club', 'Polish Saturday Club'),
  named('tai chi for elders', 'Tai Chi for Elders'),
  named('walker strollers', 'Walker Strollers'),
  named('new leaf advice line', 'New Leaf Advice Line'),
  named('benwell community garden', 'Benwell Community Garden'),
  named('Spectrum Online Peer Group', 'Spectrum Online Peer Group'),

  // A need and a place, in one box.
  at('food bank walker', 'Walker', 'food-banks', 'emergency-food'),
  at('walking group heaton', 'Heaton', 'walking-groups'),
  at('art class gateshead', 'Gateshead', 'arts-and-crafts'),
  at('bereavement gosforth', 'Gosforth', ...GRIEF),
  at('lunch club felling', 'Felling', 'community-meals'),
  at('youth club whickham', 'Whickham', 'young-people'),
  at('knit and natter whickham', 'Whickham', 'arts-and-crafts', 'social-groups'),
  at('advice byker', 'Byker', 'advice-advocacy', 'debt-advice'),
  at('baby group bensham', 'Bensham', 'baby-and-toddler'),
  at('tai chi rowlands gill', 'Rowlands Gill', 'gentle-exercise'),
  at('memory cafe low fell', 'Low Fell', 'dementia'),
  at('walking felling', 'Felling', 'walking-groups'),
  at('english class bensham', 'Bensham', 'english-language'),
  at('social club birtley', 'Birtley', 'social-groups'),
  at('art ryton', 'Ryton', 'arts-and-crafts'),

  // "Near me" and other ways of saying where.
  nearMe('food bank near me', 'food-banks', 'emergency-food'),
  nearMe('walking groups near me', 'walking-groups'),
  nearMe('counselling near me', 'talking-therapies', 'bereavement-counselling'),
  nearMe('lunch clubs nearby', 'community-meals', 'social-groups'),
  nearMe('somewhere near me for lonely people', ...LONELY),
  nearMe('where can i get free food', ...FOOD),
  nearMe('is there a mens shed near me', 'mens-sheds'),
  nearMe('local benefits advice', 'benefits-advice', 'money-benefits-debt'),
  nearMe('choir in my area', 'music-and-singing'),
  nearMe('carers group near me', 'carers'),
];
