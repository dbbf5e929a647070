// Kinds of service for the fictional sample directory: names, description sentences, categories
// and typical times, costs and referral routes. Placeholders: {A} neighbourhood, {C} council
// area, {O} organisation, {fb} "foodbank" or "food bank", {park} local park, {V} venue name.
import type { VenueType } from './places';

export type Route = 'self' | 'drop_in' | 'professional' | 'gp';
export type Support = 'bring_someone' | 'met_on_first_visit' | 'help_with_forms';
export type GroupSize = 'one_to_one' | 'small_group' | 'large_group';
export type Delivery = 'in_person' | 'phone' | 'online' | 'mixed' | 'outreach';
export type SchedStyle =
  | 'morning'
  | 'afternoon'
  | 'lunch'
  | 'evening'
  | 'weekend'
  | 'office'
  | 'daytime'
  | '24h'
  | 'monthly'
  | 'fortnightly'
  | 'twodays'
  | 'nightly'
  | 'overnight'
  | 'course'
  | 'saturday';
export type CostStyle = 'free' | 'pwyc' | 'conc' | 'price' | 'course';
export type Ages = [number | null, number | null];

export interface Variant {
  key?: string;
  names: string[];
  /** Sentences about what happens; the first `leads` of them can open a description. */
  what: string[];
  leads?: number;
  /** Only used when a service asks for it by key (kind#key), never picked at random. */
  explicit?: boolean;
  who?: string[];
  ages?: Ages;
  cats?: string[];
  /** Replaces the kind's notFor for this variant. */
  notFor?: string[];
}

export interface Kind {
  cats: string[];
  maybeCats?: [string, number][];
  variants: Variant[];
  who: string[];
  extra?: string[];
  first?: string[];
  elig?: string[];
  /** Who it is not for (the not_for extension), one picked; only where it is true of every service of the kind. */
  notFor?: string[];
  delivery: Delivery;
  group: GroupSize | null;
  routes: Route[][];
  sched: SchedStyle[];
  cost: CostStyle[];
  prices?: number[];
  venues: VenueType[];
  ages?: Ages;
  support: Support[];
  langs?: string[];
  urgent?: boolean;
  roles: string[];
  mailbox: string[];
}

const GROUP_FIRST = [
  'Someone will meet you at the door and make you a cup of tea.',
  'Just come in and say it is your first time; one of the volunteers will show you round and introduce you to people.',
  'Look for the welcome table just inside the door. You can sit and watch for a while before joining in.',
  "There's no need to bring anything. We'll ask your name and a contact number, and that's it.",
  'A volunteer will sit with you for the first session so you are not on your own.',
];
const ONE_FIRST = [
  "Your first appointment is a chat about what's going on and what help you want. It takes about 45 minutes.",
  'Bring any letters or papers you have. You will see someone in a private room.',
  'Tell the person on reception your name. You will not have to explain why you are there in front of anyone.',
  'At the first meeting we will agree together what you want to work on. You can bring a friend or relative with you.',
];

export const KINDS: Record<string, Kind> = {
  // ---- Money, benefits and debt --------------------------------------------------------
  benefits: {
    cats: ['benefits-advice'],
    maybeCats: [['general-advice', 0.35]],
    variants: [
      {
        names: ['{A} Benefits Advice Drop-in', '{A} Welfare Rights Surgery', 'Benefits Check {A}', '{A} Benefits Help Point'],
        what: [
          'An advice worker will check you are getting all the benefits you are entitled to and help you fill in forms for Universal Credit, PIP, Pension Credit and Attendance Allowance.',
          'We help with benefit claims from start to finish, including mandatory reconsiderations and appeals if a decision has gone against you.',
          'Bring any letters from the DWP or the council and we will go through them with you, explain what they mean and help you reply.',
          'Free, confidential benefits advice in a friendly setting. We can also help if you have been sanctioned or your payments have stopped.',
        ],
      },
    ],
    who: [
      'For anyone living in {C} who is claiming benefits or thinks they might be able to.',
      'Open to people of working age and pensioners alike.',
      'Useful if you have a health condition or disability and are unsure what help you can claim.',
    ],
    extra: [
      'Appointments last about 45 minutes.',
      'If we cannot sort something on the day we will book a follow-up.',
      'Interpreters can be arranged if you tell us in advance.',
    ],
    first: [
      'Bring any letters you have and some ID. You will see an adviser in a private room.',
      'Tell the person on the front desk you are here for benefits advice and they will take your name.',
      ...ONE_FIRST.slice(1, 2),
    ],
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [
      ['self', 'drop_in'],
      ['self', 'professional'],
      ['self', 'drop_in', 'professional'],
    ],
    sched: ['daytime', 'morning', 'afternoon'],
    cost: ['free'],
    venues: ['office', 'community', 'library'],
    support: ['help_with_forms', 'bring_someone'],
    roles: ['Welfare rights adviser', 'Advice worker'],
    mailbox: ['advice', 'benefits'],
  },
  debt: {
    cats: ['debt-advice'],
    maybeCats: [['budgeting', 0.3]],
    variants: [
      {
        names: ['{A} Debt Advice', 'Debt Advice Surgery – {A}', '{A} Money and Debt Clinic'],
        what: [
          'Free, confidential debt advice from trained advisers who will never judge you.',
          'We look at everything you owe, work out what you can afford and contact the people you owe money to on your behalf.',
          'We can help with rent and council tax arrears, bailiffs, credit cards, catalogues and payday loans, and explain options such as breathing space and debt relief orders.',
          'If bailiffs or debt collectors are contacting you, get in touch as soon as you can; we can often stop things getting worse.',
        ],
      },
    ],
    who: ['For anyone in {C} who is worried about money they owe.', 'You do not need to be in work or on benefits to use the service.'],
    notFor: [
      'Not for business debts. If you are self-employed and owe money because of your business, ask us for the number of a business debt line.',
      'Not for business debts.',
    ],
    extra: ['We do not charge and we do not lend money.', 'Most people need two or three appointments.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [
      ['self', 'professional'],
      ['self', 'professional', 'gp'],
    ],
    sched: ['office', 'daytime'],
    cost: ['free'],
    venues: ['office', 'community'],
    support: ['help_with_forms', 'bring_someone'],
    roles: ['Debt adviser', 'Money adviser'],
    mailbox: ['debt', 'advice'],
  },
  budgeting: {
    cats: ['budgeting'],
    variants: [
      {
        names: ['Money Confidence Course – {A}', '{A} Budgeting Basics', 'Making Money Go Further – {A}'],
        what: [
          'A friendly six-week course on planning a weekly budget, cutting household bills and spotting scams.',
          'Each session covers a different topic: bank accounts, credit scores, shopping on a budget and dealing with bills when money is tight.',
          'We share practical tips that actually work, and you leave with a budget planner you can keep using.',
        ],
      },
    ],
    who: [
      'For adults who want to feel more in control of their money.',
      'No maths skills needed, and nobody will ask about your personal finances in the group.',
    ],
    extra: ['Places are limited to ten people.', 'A free lunch is provided at every session.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'professional']],
    sched: ['course', 'morning', 'afternoon'],
    cost: ['free', 'free', 'course'],
    prices: [10, 12],
    venues: ['community', 'library'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Course tutor', 'Financial capability worker'],
    mailbox: ['money', 'courses'],
  },
  grants: {
    cats: ['grants-and-emergency-funds', 'emergency-money'],
    variants: [
      {
        names: ['{A} Crisis Support Grants', '{A} Hardship Fund', 'Emergency Help Fund – {A}'],
        what: [
          'One-off grants for people facing a sudden crisis, such as no money for food, gas or electricity, or essential items like a cooker or bed.',
          'We can usually make a decision within two working days, and in an emergency on the same day.',
          'Grants are paid as vouchers, energy top-ups or items delivered to your home, not as cash.',
        ],
      },
    ],
    who: [
      'For people living in {C} who are on a low income and have no other way to get help.',
      'You will need to be referred by a support worker, link worker or advice agency.',
    ],
    extra: ['You can usually only get one grant in a 12-month period.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['professional'], ['self', 'professional']],
    urgent: true,
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms'],
    roles: ['Grants officer'],
    mailbox: ['grants'],
  },
  energy: {
    cats: ['energy-bills'],
    variants: [
      {
        names: ['{A} Warm Homes Advice', 'Keeping Warm {A}', '{A} Energy Advice Drop-in'],
        what: [
          'Help to understand your energy bills, get on the right tariff and deal with arrears with your supplier.',
          'Our energy advisers can check if you qualify for the Warm Home Discount and for grants for insulation or a new boiler.',
          'We can visit you at home to look at simple ways to keep warm for less, and fit draught-proofing and radiator panels for free.',
          'If you have a prepayment meter and cannot top up, we may be able to give you an emergency fuel voucher.',
        ],
      },
    ],
    who: [
      'For households in {C} struggling to heat their home.',
      'Priority is given to older people, families with young children and anyone with a health condition made worse by the cold.',
    ],
    extra: ['Bring a recent bill or your meter card if you have one.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [
      ['self', 'professional'],
      ['self', 'drop_in', 'professional'],
    ],
    sched: ['daytime', 'office'],
    cost: ['free'],
    venues: ['community', 'library', 'office'],
    support: ['help_with_forms'],
    roles: ['Energy adviser'],
    mailbox: ['energy', 'warmhomes'],
  },
  costofliving: {
    cats: ['money-benefits-debt'],
    maybeCats: [
      ['energy-bills', 0.5],
      ['grants-and-emergency-funds', 0.3],
    ],
    variants: [
      {
        names: ['{A} Cost of Living Help Point', 'Money Worries Drop-in – {A}', '{A} Money Help Café'],
        what: [
          'A drop-in where you can get help with anything to do with money: bills, benefits, debts, food and fuel.',
          'Staff from several local organisations are there each week, so you can get advice on benefits, energy and debt in one visit.',
          'If we cannot help, we will find someone who can and make the introduction for you.',
        ],
      },
    ],
    who: ['For anyone in {C} finding it hard to make ends meet.', 'Whether you are working, retired or claiming benefits, you are welcome.'],
    extra: ['Warm drinks and soup are available.', 'In winter you can also pick up a free warm pack with a blanket and hat.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self', 'drop_in']],
    sched: ['daytime', 'morning'],
    cost: ['free'],
    venues: ['community', 'library', 'church'],
    support: ['help_with_forms', 'met_on_first_visit'],
    roles: ['Community connector'],
    mailbox: ['help'],
  },

  // ---- Food ------------------------------------------------------------------------------
  foodbank: {
    cats: ['food-banks'],
    maybeCats: [['emergency-food', 0.5]],
    variants: [
      {
        names: ['{A} Foodbank', '{A} Food Bank'],
        what: [
          'The {fb} gives three days of emergency food to people in crisis, including tinned and dried food, toiletries and nappies when needed.',
          'Volunteers will sit down with you over a hot drink while your food parcel is packed, and can point you to help with whatever led you to the {fb}.',
          'We can make up parcels for people with allergies, halal diets and people who have no cooker, just a kettle.',
          'Alongside food parcels we have a clothes rail and free period products.',
        ],
      },
    ],
    who: [
      'You need a food voucher, which you can get from an advice centre, your GP surgery, a link worker, a school or a housing officer.',
      'If you do not have a voucher, come anyway and we will help you get one on the day.',
      'For anyone in {A} and nearby who cannot afford to buy food right now.',
    ],
    extra: ['Everything is confidential.', 'We can deliver a parcel if you cannot get to us because of illness or disability.'],
    first: [
      'Show your voucher or tell us who referred you. A volunteer will make you a drink while your parcel is packed.',
      'Someone will meet you at the door and make you a cup of tea.',
    ],
    delivery: 'in_person',
    group: null,
    routes: [['professional'], ['self', 'professional'], ['self', 'drop_in', 'professional']],
    sched: ['twodays', 'daytime', 'afternoon'],
    cost: ['free'],
    venues: ['church', 'community'],
    support: ['met_on_first_visit', 'help_with_forms', 'bring_someone'],
    roles: ['Foodbank manager', 'Volunteer coordinator'],
    mailbox: ['info', 'food'],
  },
  emergencyfood: {
    cats: ['emergency-food', 'food-banks'],
    variants: [
      {
        names: ['Same-Day Food Parcels – {A}'],
        what: [
          'If you have no food today and cannot wait, call us and we will arrange an emergency parcel the same day.',
          'We can deliver to your door if you are too ill to travel or have no money for the bus.',
          'Parcels contain at least three days of food, and we can add baby food, pet food and toiletries.',
        ],
      },
    ],
    who: ['For anyone in {C} who has run out of food.', 'You do not need a voucher to call the line.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['self', 'professional']],
    urgent: true,
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: [],
    roles: ['Emergency food coordinator'],
    mailbox: ['emergency'],
  },
  meal: {
    cats: ['community-meals'],
    maybeCats: [['social-groups', 0.45]],
    variants: [
      {
        names: [
          '{A} Community Lunch',
          '{A} Lunch Club',
          'Pay As You Feel Café – {A}',
          '{A} Community Kitchen',
          'Soup and Sandwich Club – {A}',
          '{A} Big Lunch',
        ],
        what: [
          'A hot two-course meal cooked fresh by volunteers, served at the table with a cup of tea.',
          'A pay-as-you-feel café using surplus food from local shops and supermarkets, so good food does not go to waste.',
          'Drop in for soup, sandwiches and cake, and a chat with whoever is sitting at your table.',
          'A weekly community meal where everyone sits down together, with home-made food and good company.',
          'Every week the cooks make something different, from stews and curries to a roast dinner, always with a vegetarian choice.',
        ],
        leads: 4,
      },
    ],
    who: [
      'Everyone is welcome, whether you come for the food or the company.',
      'Popular with older people living on their own, families and people who have just moved to the area.',
      'If money is tight you can eat for free, and nobody will ask why.',
    ],
    extra: ['Let us know about allergies and we will do our best.', 'Takeaway tubs are available for anything left over.'],
    first: [
      'Someone will meet you at the door and make you a cup of tea.',
      'Just find a seat; a volunteer will come round and take your order.',
      GROUP_FIRST[1]!,
    ],
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['lunch'],
    cost: ['pwyc', 'pwyc', 'price', 'price', 'free'],
    prices: [1.5, 2, 2.5, 3],
    venues: ['church', 'community', 'cafe'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Head cook', 'Café coordinator'],
    mailbox: ['kitchen', 'hello'],
  },
  pantry: {
    cats: ['community-pantries'],
    variants: [
      {
        names: ['{A} Community Pantry', '{A} Community Larder', '{A} Food Club'],
        what: [
          'A membership food club: pay a small amount each week and choose ten or more items from fresh, chilled and cupboard food.',
          'Members pick their own shopping, including fruit, vegetables and bread, for a fraction of the shop price.',
          'You choose what you take, so there is less waste and you get food your family will actually eat.',
        ],
      },
    ],
    who: ['Open to anyone living in the {A} area who wants to make their money go further.', 'You do not need to be referred; sign up on your first visit.'],
    extra: ['Membership is free to join.', 'Bring your own bags if you can.'],
    first: ['Bring proof of your address if you have it. A volunteer will sign you up and show you round.', GROUP_FIRST[0]!],
    delivery: 'in_person',
    group: null,
    routes: [
      ['self', 'drop_in'],
      ['self', 'professional'],
    ],
    sched: ['twodays', 'afternoon', 'morning'],
    cost: ['price'],
    prices: [3, 3.5, 4, 5],
    venues: ['community', 'church'],
    support: ['met_on_first_visit'],
    roles: ['Pantry coordinator'],
    mailbox: ['pantry'],
  },
  cooking: {
    cats: ['cooking-skills'],
    maybeCats: [['community-meals', 0.2]],
    variants: [
      {
        names: ['Cook and Eat {A}', '{A} Cookery Club', 'Cooking on a Budget – {A}', 'Slow Cooker Club – {A}'],
        what: [
          'Learn to cook simple, tasty meals from scratch on a small budget, then sit down and eat together.',
          'Each week we cook a different dish using cheap ingredients, and you take home the recipe and a bag of ingredients to make it again.',
          'A relaxed cookery group for beginners covering basic knife skills, food safety and batch cooking.',
          'Everyone who finishes the course gets a free slow cooker to keep.',
        ],
      },
    ],
    who: [
      'For adults who want to cook more and spend less.',
      'Ideal if you are living on your own for the first time.',
      'Parents are welcome and there is a crèche on site.',
    ],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'professional'], ['self']],
    sched: ['course', 'morning', 'evening'],
    cost: ['course', 'price', 'free', 'conc'],
    prices: [2, 3, 12],
    venues: ['community', 'church'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Cookery tutor'],
    mailbox: ['cook'],
  },
  foodhub: {
    cats: ['food', 'community-meals'],
    variants: [
      {
        names: ['{A} Food Hub', 'Good Food {A}'],
        what: [
          'One place for all things food: a weekly pantry, a community café, a fridge where anyone can take surplus food, and cooking sessions.',
          'Drop in to pick up free fruit and bread, stay for a hot drink, or sign up for a cooking class.',
        ],
      },
    ],
    who: ['For anyone in {A}; no referral needed.', 'Families, students, pensioners and people in work all use the hub.'],
    extra: ['The community fridge is stocked every morning.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['daytime', 'twodays'],
    cost: ['pwyc'],
    venues: ['community', 'church'],
    support: ['met_on_first_visit'],
    roles: ['Food hub coordinator'],
    mailbox: ['food'],
  },

  // ---- Housing ---------------------------------------------------------------------------
  homeless: {
    cats: ['homelessness-support'],
    maybeCats: [['emergency-housing', 0.3]],
    variants: [
      {
        names: ['{A} Day Centre', '{A} Homeless Drop-in'],
        what: [
          'A day centre for people who are homeless or sleeping rough, with hot breakfasts, showers, laundry and somewhere to charge your phone.',
          'Support workers can help you find somewhere to stay, register with a GP, get ID and sort out benefits.',
          'We can give you a postal address so you can receive letters while you have no fixed address.',
        ],
      },
    ],
    who: ['For anyone who is homeless, sleeping rough or at risk of losing their home.', 'Dogs are welcome.'],
    extra: ['A nurse runs a health drop-in here once a week.'],
    first: ["Just come in. Staff will ask your first name and what you need today; you don't have to tell us anything else."],
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self', 'drop_in', 'professional']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms', 'met_on_first_visit'],
    roles: ['Support worker', 'Day centre manager'],
    mailbox: ['daycentre'],
  },
  housingadvice: {
    cats: ['housing-advice'],
    variants: [
      {
        names: ['{A} Housing Advice Service', 'Housing Advice Drop-in – {A}', "{A} Renters' Advice"],
        what: [
          'Free advice if you have problems with your landlord, repairs, damp and mould, or you have been told to leave your home.',
          'Our housing advisers can explain your rights as a tenant, check an eviction notice and help you apply for social housing.',
          'If you could be homeless in the next eight weeks, we can help you get support from the council.',
        ],
      },
    ],
    who: [
      'For private renters, council and housing association tenants, and homeowners in {C}.',
      'Also for people living with family or friends who need to find their own place.',
    ],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [
      ['self', 'professional'],
      ['self', 'drop_in'],
    ],
    sched: ['office', 'daytime'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms'],
    roles: ['Housing adviser'],
    mailbox: ['housing'],
  },
  tenancy: {
    cats: ['tenancy-support'],
    variants: [
      {
        names: ['{A} Tenancy Sustainment Service', '{A} Tenancy Support', 'Settle In – {A} Tenancy Support'],
        what: [
          'A support worker visits you at home to help you keep your tenancy, from setting up bills and paying rent to dealing with neighbours.',
          'We help people who have just moved into a new home after being homeless to get settled, furnish the flat and get to know the area.',
          'Support lasts for up to six months and is built around what you want to work on.',
        ],
      },
    ],
    who: ['For tenants in {C} who are at risk of losing their home.', 'You can refer yourself or ask your housing officer, link worker or GP to refer you.'],
    delivery: 'outreach',
    group: 'one_to_one',
    routes: [['self', 'professional', 'gp'], ['professional']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms'],
    roles: ['Tenancy support worker'],
    mailbox: ['tenancy'],
  },
  nightshelter: {
    cats: ['emergency-housing', 'homelessness-support'],
    variants: [
      {
        names: ['{A} Winter Night Shelter'],
        what: [
          'A safe, warm place to sleep through the winter, with a hot evening meal and breakfast.',
          'Beds are in shared rooms, with a separate area for women.',
          'Staff work with every guest to find a more settled place to live.',
        ],
      },
    ],
    who: ['For people aged 18 and over who are sleeping rough in Newcastle.'],
    extra: ['Outreach workers and the council can refer you, or come to the day centre in the afternoon to ask about a bed.'],
    delivery: 'in_person',
    group: 'large_group',
    routes: [['professional', 'drop_in']],
    urgent: true,
    ages: [18, null],
    sched: ['overnight'],
    cost: ['free'],
    venues: ['church'],
    support: [],
    roles: ['Shelter coordinator'],
    mailbox: ['shelter'],
  },
  housingline: {
    cats: ['emergency-housing', 'housing-advice'],
    variants: [
      {
        names: ['{O} Emergency Housing Line'],
        what: [
          'If you have nowhere to stay tonight, call this line at any time and we will work with the council to find you somewhere safe.',
          'We can also help if you have been locked out illegally or you have had to leave home because of violence.',
        ],
      },
    ],
    who: ['For anyone in Newcastle or Gateshead who is homeless tonight.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['self', 'professional']],
    urgent: true,
    sched: ['24h'],
    cost: ['free'],
    venues: ['office'],
    support: [],
    roles: ['Duty officer'],
    mailbox: ['housing'],
  },

  // ---- Work, learning and volunteering ------------------------------------------------------
  jobclub: {
    cats: ['employment-support'],
    variants: [
      {
        names: ['{A} Job Club', 'Work Ready {A}', '{A} Jobs and Skills Drop-in'],
        what: [
          'Drop in for help with CVs, job searches and application forms, with computers and free printing.',
          'An employment coach works with you one to one on what kind of job you want and the steps to get there, including interview practice.',
          'We have links with local employers and can tell you about vacancies before they are advertised.',
          'Get help to gain a CSCS card, food hygiene certificate or other short qualifications employers ask for.',
        ],
      },
    ],
    who: [
      'For anyone aged 16 or over looking for work, including people who have been out of work for a long time.',
      'If you have a health condition or disability, we can talk to employers about adjustments.',
    ],
    extra: ['Bus fares to interviews can be paid.', 'Bring your CV on a memory stick if you have one.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'drop_in', 'professional']],
    sched: ['morning', 'afternoon', 'twodays'],
    cost: ['free'],
    venues: ['library', 'community'],
    support: ['help_with_forms', 'met_on_first_visit'],
    roles: ['Employment coach'],
    mailbox: ['jobs'],
  },
  learning: {
    cats: ['adult-learning'],
    variants: [
      {
        names: ['{A} Adult Learning', 'Maths and English for Adults – {A}', '{A} Learning for Pleasure', 'Brush Up Your English and Maths – {A}'],
        what: [
          'Friendly classes to brush up your reading, writing and maths at your own pace, leading to a qualification if you want one.',
          'Short courses for adults on all sorts of subjects, from local history and first aid to British Sign Language for beginners.',
          'Small classes with a patient tutor, for people who did not get on with school the first time round.',
        ],
      },
    ],
    who: ['For adults aged 19 and over.', 'Courses are free if you are on a low income or claiming benefits.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self'], ['self', 'professional']],
    sched: ['morning', 'afternoon', 'evening', 'course'],
    cost: ['conc', 'course', 'free', 'conc'],
    prices: [10, 12],
    venues: ['library', 'community'],
    support: ['help_with_forms', 'met_on_first_visit'],
    roles: ['Tutor', 'Learning coordinator'],
    mailbox: ['learning'],
  },
  volunteer: {
    cats: ['volunteering'],
    variants: [
      {
        names: ['{A} Volunteer Centre', 'Volunteering Drop-in – {A}'],
        what: [
          'Find a volunteering role that suits you, from gardening and charity shops to driving and befriending.',
          'An adviser will talk to you about what you enjoy and what you want to get out of it, then introduce you to a group.',
          'Volunteering is a good way to meet people, build confidence and get experience for your CV.',
        ],
      },
    ],
    who: ['For anyone aged 16 and over.', 'Roles are available for people with disabilities and health conditions, and we can arrange support.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [
      ['self', 'professional'],
      ['self', 'drop_in'],
    ],
    sched: ['office', 'daytime'],
    cost: ['free'],
    venues: ['office', 'library'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Volunteering adviser'],
    mailbox: ['volunteer'],
  },
  esol: {
    cats: ['english-language'],
    variants: [
      {
        names: ['{A} English Conversation Club', 'ESOL Classes – {A}', 'Talk English {A}'],
        what: [
          'Practise speaking English in a relaxed group with volunteers, talking about everyday things like shopping, the doctor and school.',
          'Classes from beginner to intermediate level, with a free crèche for children under five.',
          'We help you with the English you need for work, appointments and everyday life in {C}.',
        ],
      },
    ],
    who: [
      'For adults whose first language is not English, including refugees and people seeking asylum.',
      'All levels are welcome; you will be put in a group that suits you.',
    ],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'drop_in'],
      ['self', 'professional'],
    ],
    sched: ['morning', 'afternoon', 'twodays'],
    cost: ['free', 'free', 'pwyc'],
    venues: ['community', 'library', 'church'],
    support: ['met_on_first_visit', 'help_with_forms'],
    langs: ['ar', 'fa', 'ku', 'ti', 'uk', 'so', 'pl', 'ro'],
    roles: ['ESOL tutor'],
    mailbox: ['english'],
  },
  worklearn: {
    cats: ['work-learning-volunteering'],
    maybeCats: [['employment-support', 0.6]],
    variants: [
      {
        names: ['Steps into Work and Learning – {A}', '{A} Next Steps'],
        what: [
          'A mentor helps you work out your next step, whether that is a course, volunteering or paid work, and sticks with you while you take it.',
          'We can pay for short courses, travel and clothes for interviews, and help you build confidence along the way.',
        ],
      },
    ],
    who: ['For adults in {C} who are not working and want to get back into work, learning or volunteering.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [['self', 'professional', 'gp']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms', 'bring_someone'],
    roles: ['Mentor'],
    mailbox: ['nextsteps'],
  },

  // ---- Mental health ---------------------------------------------------------------------
  counselling: {
    cats: ['talking-therapies'],
    variants: [
      {
        names: ['{A} Counselling Service', 'Low-Cost Counselling – {A}', '{A} Talking Therapies'],
        what: [
          'Up to 12 sessions of one-to-one counselling with a qualified counsellor, in a private room.',
          'Counselling can help with anxiety, low mood, stress, relationship problems and difficult life events.',
          'Short-term counselling for people who cannot afford private fees, charged on a sliding scale.',
          'After an assessment we match you with a counsellor, and you meet weekly at the same time.',
        ],
      },
    ],
    who: ['For adults aged 18 and over in {C}.', 'Not suitable if you are in crisis or need urgent help; our team can tell you where to go instead.'],
    notFor: [
      'Not for people who need help in a crisis: call 111 and choose the mental health option instead.',
      'Not for people who need urgent help. If you are in crisis, call 111 or go to A&E.',
    ],
    extra: ['Evening appointments are available.', 'Counselling is also available by phone if you prefer.'],
    first: ['Your first appointment is an assessment of about an hour, so we can understand what you would like help with.', ONE_FIRST[2]!],
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [
      ['professional', 'gp'],
      ['self', 'professional', 'gp'],
    ],
    ages: [18, null],
    sched: ['daytime', 'evening'],
    cost: ['conc', 'pwyc', 'conc'],
    venues: ['office', 'health'],
    support: ['bring_someone'],
    roles: ['Counselling coordinator', 'Clinical lead'],
    mailbox: ['counselling', 'referrals'],
  },
  peer: {
    cats: ['peer-support'],
    variants: [
      {
        names: ['{A} Peer Support Group', '{A} Mental Health Peer Group', 'Talking Together {A}'],
        what: [
          'A group run by people with their own experience of mental ill health, where you can talk openly without being judged.',
          "Meet others who understand what it's like to live with anxiety, depression or other mental health problems.",
          "There's no pressure to speak; many people just listen for the first few weeks.",
        ],
      },
      {
        key: 'men',
        explicit: true,
        names: ['Men Talk {A}', "{A} Men's Group"],
        what: [
          "A space for men to talk about whatever's on their mind, over a brew, with no judgement and no pressure.",
          'Started by local men who found it hard to open up, the group mixes a chat with darts, football talk and the odd walk.',
          "You don't have to talk about anything you don't want to.",
        ],
        who: ['For men aged 18 and over.'],
      },
      {
        key: 'voices',
        explicit: true,
        names: ['{A} Hearing Voices Group'],
        what: [
          'A peer support group for people who hear voices, see visions or have other unusual experiences.',
          'Members share ways of coping and are accepted however they make sense of their experiences.',
        ],
      },
    ],
    who: ['For adults aged 18 and over.', 'Family members are welcome at the first session if it helps you come along.'],
    notFor: ['Not a crisis service. If you need help right now, call 111 and choose the mental health option.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'drop_in'],
      ['self', 'drop_in', 'professional'],
    ],
    sched: ['evening', 'afternoon', 'fortnightly'],
    cost: ['free', 'free', 'pwyc'],
    venues: ['community', 'church', 'cafe'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Peer facilitator', 'Group organiser'],
    mailbox: ['peers', 'hello'],
  },
  wellbeingcourse: {
    cats: ['wellbeing-courses'],
    variants: [
      {
        names: ['Stress Less Course – {A}', '{A} Wellbeing Course', 'Five Ways to Wellbeing – {A}', 'Mind and Body Course – {A}'],
        what: [
          'A six-week course on practical ways to manage stress, sleep better and look after your mood.',
          'Learn simple techniques from cognitive behavioural therapy and mindfulness in a relaxed class.',
          'Each week covers a theme such as worry, low mood, sleep or building confidence, with tips to try at home.',
        ],
      },
    ],
    who: ['For adults who are feeling stressed, worried or low and want to learn ways to cope.', 'You do not have to talk about yourself in the group.'],
    notFor: ['Not for people who need help in a crisis: call 111 and choose the mental health option instead.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'professional', 'gp']],
    sched: ['course', 'morning', 'afternoon'],
    cost: ['free', 'course', 'pwyc'],
    prices: [10, 12],
    venues: ['library', 'community'],
    support: ['met_on_first_visit'],
    roles: ['Course facilitator'],
    mailbox: ['courses'],
  },
  mhdropin: {
    cats: ['mental-health'],
    maybeCats: [['peer-support', 0.6]],
    variants: [
      {
        names: ['{A} Wellbeing Drop-in', '{A} Mental Health Drop-in', 'The Front Room – {A}'],
        what: [
          'A welcoming space where you can drop in for a cuppa, a chat and information about mental health support in {C}.',
          'Staff and volunteers can listen, help you make sense of the options and go with you to other services.',
          'Activities such as board games, art and mindfulness run alongside.',
        ],
      },
    ],
    who: ['For anyone aged 18 and over who is struggling with their mental health, with or without a diagnosis.'],
    notFor: ['Not for people who need help in a crisis: call 111 instead.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['daytime', 'afternoon', 'twodays'],
    cost: ['free'],
    venues: ['community', 'office'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Wellbeing worker'],
    mailbox: ['dropin'],
  },

  // ---- Bereavement -------------------------------------------------------------------------
  bcafe: {
    cats: ['bereavement-support'],
    maybeCats: [['social-groups', 0.2]],
    variants: [
      {
        names: ['{A} Bereavement Café', '{A} Bereavement Support Group', 'Coffee and Comfort – {A}', '{A} Grief Café'],
        what: [
          'A gentle drop-in for people who have lost someone, with tea, cake and trained volunteers to listen.',
          'Some people come to talk about the person who died; others just want to sit with people who understand.',
          'Meet others who have been bereaved, whether it was weeks or many years ago.',
        ],
      },
    ],
    who: [
      'For adults who have been bereaved, whether the death was recent or some time ago.',
      'Whoever you have lost, a partner, parent, child or friend, you are welcome.',
    ],
    notFor: ['Not a counselling service. If you would like one-to-one bereavement counselling, ask one of the volunteers.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'drop_in']],
    sched: ['monthly', 'afternoon', 'fortnightly'],
    cost: ['pwyc', 'free'],
    venues: ['cafe', 'church', 'community'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Bereavement volunteer'],
    mailbox: ['cafe'],
  },
  bcounsel: {
    cats: ['bereavement-counselling'],
    variants: [
      {
        names: ['{A} Bereavement Counselling', 'Grief Counselling – {A}'],
        what: [
          'One-to-one bereavement counselling with a trained counsellor, usually six to ten weekly sessions.',
          'Counselling gives you space to talk about your loss, your feelings and how life has changed.',
          'We also support people bereaved by suicide, and young people who have lost a parent.',
        ],
      },
    ],
    who: ['For adults and young people aged 16 and over.', 'We usually suggest waiting at least three months after the death before starting counselling.'],
    first: ONE_FIRST,
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self', 'gp', 'professional']],
    ages: [16, null],
    sched: ['daytime', 'evening'],
    cost: ['pwyc', 'conc', 'free'],
    venues: ['office', 'health'],
    support: ['bring_someone'],
    roles: ['Bereavement counsellor'],
    mailbox: ['bereavement'],
  },
  bline: {
    cats: ['bereavement'],
    maybeCats: [['bereavement-support', 0.6]],
    variants: [
      {
        names: ['{O} Bereavement Support Line'],
        what: [
          'A listening line for anyone who has been bereaved and wants to talk.',
          'Trained volunteers can also give practical information about what to do after a death, such as registering the death and arranging a funeral.',
        ],
      },
    ],
    who: ['For anyone in Newcastle and Gateshead who is grieving.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['self']],
    sched: ['office', 'evening'],
    cost: ['free'],
    venues: ['office'],
    support: [],
    roles: ['Volunteer coordinator'],
    mailbox: ['support'],
  },

  // ---- Befriending and social groups (never say "lonely") -----------------------------------
  befriend: {
    cats: ['befriending'],
    variants: [
      {
        names: ['{A} Befriending Service', 'Friendly Visits – {A}', 'Companions {A}'],
        what: [
          'A volunteer befriender visits you at home once a week for a chat and a cup of tea, or to go out together for a walk or a coffee.',
          'We match you with a volunteer who shares your interests, so you have someone to look forward to seeing.',
          'Our befriending service pairs you with a friendly volunteer for regular visits, chats and trips out.',
          'Befrienders can also help you get back out and about, for example going along with you to a local group the first few times.',
          'Many of the people we visit have lost a partner, live on their own or find it hard to get out after an illness.',
        ],
      },
    ],
    who: [
      'For people aged 60 and over living in {C}.',
      'For adults who would like more company and conversation.',
      'For people living alone who would like some regular company.',
    ],
    extra: ['All our volunteers are trained and DBS checked.'],
    delivery: 'outreach',
    group: 'one_to_one',
    routes: [['self', 'professional', 'gp']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['met_on_first_visit'],
    roles: ['Befriending coordinator'],
    mailbox: ['befriending'],
  },
  phonebefriend: {
    cats: ['befriending'],
    variants: [
      {
        names: ['{A} Friendly Phone Calls', '{A} Chatterbox Calls', 'Telephone Friends – {A}'],
        what: [
          'A friendly volunteer rings you at the same time each week for a chat about whatever you like.',
          'If you find it hard to get out, a regular call can be something to look forward to, and we can tell you about groups nearby.',
          'Calls last around half an hour, and you talk to the same volunteer each week.',
        ],
      },
    ],
    who: ['For people aged 50 and over who would like someone to talk to.', 'For anyone who lives alone and would like more company.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['self', 'professional', 'gp']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: [],
    roles: ['Telephone befriending coordinator'],
    mailbox: ['calls'],
  },
  social: {
    cats: ['social-groups'],
    variants: [
      {
        names: ['{A} Friendship Group', '{A} Coffee Morning', '{A} Social Club', '{A} Tea and Chat', '{A} Games Afternoon', '{A} Social Circle'],
        leads: 5,
        what: [
          'A friendly group that meets for a cuppa and a chat, and sometimes a quiz or bingo.',
          "Come along for tea, toast and conversation; there are newspapers, board games and jigsaws if you'd rather not chat straight away.",
          'A warm, informal space to meet neighbours and make new friends.',
          'A relaxed weekly get-together with tea, cake and plenty of chat.',
          'Drop in for a hot drink, a biscuit and a natter with your neighbours.',
          'Each week there is something different: a guest speaker, a craft, a sing-along or, in summer, a trip out.',
          'Members plan the programme together; recent sessions have included armchair yoga, a local history talk and a pie and pea supper.',
        ],
      },
      {
        key: 'over60',
        names: ['{A} Over 60s Club', "{A} Seniors' Social", 'Golden Years Club – {A}'],
        ages: [60, null],
        leads: 2,
        what: [
          'A social club for older people with tea, cakes, bingo and a raffle.',
          'A lively afternoon club for older people with entertainers, quizzes and a hot drink.',
          'Monthly outings to the coast and a Christmas dinner are highlights of the year.',
          'Members look out for each other, and a volunteer rings anyone who has missed a few weeks.',
        ],
        who: ['For people aged 60 and over.'],
      },
      {
        key: 'knit',
        names: ['{A} Knit and Natter', '{A} Stitch and Chat', 'Crafty Natter – {A}'],
        cats: ['arts-and-crafts'],
        what: [
          'Bring your knitting, crochet or sewing and join others for a natter and a cuppa.',
          'Beginners can learn the basics; wool and needles are provided.',
          'The group knits hats, blankets and twiddle muffs for local hospitals and care homes.',
        ],
      },
    ],
    who: [
      'Open to everyone, and especially welcoming to people who have recently moved to {A} or lost a partner.',
      'Most members are retired, but all ages are welcome.',
      "Whether you come every week or just now and then, you'll be made welcome.",
      'You can come on your own or bring a friend.',
    ],
    extra: ['Tea, coffee and biscuits are free.', 'There is always a seat at the table for someone new.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['morning', 'afternoon', 'afternoon', 'evening', 'weekend'],
    cost: ['pwyc', 'price', 'free', 'pwyc', 'conc'],
    prices: [1.5, 2, 2.5, 3],
    venues: ['community', 'church', 'library', 'cafe'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Group organiser', 'Volunteer'],
    mailbox: ['hello', 'club'],
  },
  shed: {
    cats: ['mens-sheds'],
    maybeCats: [['social-groups', 0.2]],
    variants: [
      {
        names: ["{A} Men's Shed", '{A} Community Shed', 'The {A} Shed'],
        what: [
          'A workshop where people come together to make, mend and learn, from woodwork and bike repairs to building bird boxes for local schools.',
          'A shed is a place to share skills, have a brew and a bit of banter while working on projects side by side.',
          'Members take on jobs for the community, like repairing benches and making planters for the high street.',
          "There's no pressure: some people work on their own projects, others just come for the company.",
        ],
      },
    ],
    who: ['Mainly for men aged 18 and over, but anyone is welcome.', 'Most members are retired, but all ages come along and no experience is needed.'],
    extra: ['All tools and safety equipment are provided.', 'The kettle is always on.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'drop_in']],
    sched: ['twodays', 'morning', 'afternoon'],
    cost: ['pwyc', 'price', 'free'],
    prices: [1.5, 2, 3],
    venues: ['workshop'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Shed coordinator'],
    mailbox: ['shed'],
  },
  goodneighbours: {
    cats: ['loneliness-social'],
    maybeCats: [['befriending', 0.6]],
    variants: [
      {
        names: ['{A} Good Neighbours', '{A} Good Neighbour Scheme'],
        what: [
          'Volunteers help older and disabled neighbours with small jobs like changing a light bulb, posting a letter or getting a lift to an appointment.',
          'We also run a weekly coffee morning and can pop round for a chat.',
          "It's about neighbours helping neighbours, so nobody feels cut off.",
        ],
      },
    ],
    who: ['For people in {A} who need a bit of help to stay independent at home.'],
    delivery: 'outreach',
    group: 'one_to_one',
    routes: [['self', 'professional']],
    sched: ['office', 'daytime'],
    cost: ['free'],
    venues: ['community'],
    support: ['met_on_first_visit'],
    roles: ['Volunteer coordinator'],
    mailbox: ['neighbours'],
  },

  // ---- Physical activity --------------------------------------------------------------------
  walking: {
    cats: ['walking-groups'],
    variants: [
      {
        names: ['{A} Walking for Health', '{A} Health Walk', '{A} Walking Group', 'Walk and Talk {A}', '{A} Strollers'],
        leads: 4,
        what: [
          'A free, friendly walk of about an hour at a gentle pace, led by trained volunteer walk leaders.',
          'Short, flat walks of 30 to 60 minutes around {park} and the surrounding streets, with a café stop at the end.',
          'A sociable walking group exploring local parks, denes and riverside paths, stopping for a chat and a brew.',
          'Gentle group walks on flat paths, with regular stops and a cuppa at the end.',
          'Walks are graded, so you can start with a short stroll and build up over time.',
        ],
      },
    ],
    who: [
      'Suitable for beginners, people recovering from illness and anyone who wants to be more active.',
      'All ages and abilities are welcome, and you can bring a dog on a lead.',
      'Particularly good if you have not been active for a while.',
    ],
    extra: ['Wear comfortable shoes and bring a waterproof.', 'Walks go ahead in most weathers.'],
    first: [
      'Meet at {V} a few minutes before the start. Look for the walk leader in a bright green jacket.',
      "Tell the walk leader it's your first time and they'll ask you to fill in a short form.",
      'Someone will meet you at the start and walk with you at your pace.',
    ],
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['morning', 'morning', 'weekend', 'afternoon'],
    cost: ['free'],
    venues: ['park'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Walk leader', 'Walks coordinator'],
    mailbox: ['walks'],
  },
  gentle: {
    cats: ['gentle-exercise'],
    variants: [
      {
        names: ['{A} Chair-Based Exercise', '{A} Seated Exercise', 'Gentle Movement – {A}', 'Move More {A}'],
        what: [
          'A gentle exercise class done mostly sitting down, to build strength, balance and flexibility.',
          'An easy-going class to music, with the option to do the moves seated or standing.',
        ],
      },
      {
        key: 'taichi',
        names: ['{A} Tai Chi for Health'],
        what: [
          'Slow, flowing tai chi movements to help with balance, posture and relaxation.',
          'Classes are taught by an experienced instructor and you can do most moves holding a chair.',
        ],
      },
      {
        key: 'balance',
        names: ['{A} Strength and Balance', 'Steady Steps – {A}'],
        what: [
          'Strength and balance exercises designed to reduce the risk of falls, taught by a qualified instructor.',
          'The programme runs over 24 weeks and gets a little harder as you get stronger.',
        ],
      },
      {
        key: 'yoga',
        names: ['{A} Gentle Yoga', '{A} Chair Yoga'],
        what: [
          'Slow, gentle yoga with plenty of rest, suitable for stiff joints and beginners.',
          'Mats and blocks are provided, and every pose can be done in a chair.',
        ],
      },
      {
        key: 'dance',
        names: ['Dance for Health – {A}', '{A} Tea Dance'],
        what: [
          'Easy dance routines to music from the fifties to today, taught step by step.',
          'It is about having fun and moving more, not getting the steps right.',
        ],
      },
    ],
    who: [
      'Ideal if you are older, have a long-term condition or are getting back to exercise after an illness.',
      'No experience is needed and you go at your own pace.',
      'Suitable for people who use walking aids or wheelchairs.',
    ],
    extra: ['Wear loose clothing and bring a drink of water.', 'Tea and a chat afterwards.'],
    first: ['Arrive ten minutes early so the instructor can ask about any health conditions.', ...GROUP_FIRST.slice(0, 3)],
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'drop_in'],
      ['self', 'drop_in', 'professional'],
      ['self', 'professional', 'gp'],
    ],
    sched: ['morning', 'afternoon', 'morning'],
    cost: ['conc', 'price', 'pwyc', 'conc'],
    prices: [2, 2.5, 3, 3.5, 4, 5],
    venues: ['community', 'church', 'leisure'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Instructor'],
    mailbox: ['classes', 'move'],
  },
  sport: {
    cats: ['sport-for-all'],
    variants: [
      {
        key: 'football',
        names: ['{A} Walking Football'],
        what: [
          'Football at walking pace: no running, no slide tackles and plenty of laughs.',
          'Games are small-sided on an indoor pitch, and teams are mixed up every week.',
        ],
      },
      {
        key: 'tabletennis',
        names: ['{A} Table Tennis for All'],
        what: [
          'Drop-in table tennis for all ages and abilities, with bats and balls provided.',
          'Coaches are on hand for beginners, and there are tables at wheelchair height.',
        ],
      },
      {
        key: 'cycling',
        explicit: true,
        names: ['Inclusive Cycling – {A}'],
        what: [
          'Adapted bikes, trikes, tandems and hand cycles so that everyone can ride, whatever their disability.',
          'Ride the traffic-free riverside path with trained staff and volunteers.',
        ],
      },
      {
        key: 'running',
        names: ['{A} Beginners Running Group'],
        what: [
          'A nine-week couch to 5k group: start with one-minute runs and build up to running for 30 minutes.',
          'Nobody gets left behind; a back marker stays with the slowest runner.',
        ],
      },
      {
        key: 'badminton',
        names: ['{A} Badminton Drop-in', '{A} Badminton for Beginners'],
        what: [
          'Relaxed, social games for people who have not played for years or never at all.',
          'Equipment is provided, and the coach adapts the games so everyone can join in.',
        ],
      },
    ],
    who: ['Open to adults of all fitness levels.', 'Especially welcoming if you used to play and miss it.'],
    extra: ['Changing rooms and showers are available.', 'Wear trainers and bring a water bottle.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['evening', 'weekend', 'afternoon'],
    cost: ['price', 'conc', 'conc'],
    prices: [2, 3, 3.5, 4, 5],
    venues: ['leisure', 'park'],
    support: ['met_on_first_visit'],
    roles: ['Coach', 'Session leader'],
    mailbox: ['sport'],
  },
  swim: {
    cats: ['swimming'],
    variants: [
      {
        key: 'women',
        names: ['{A} Women-only Swim'],
        what: [
          'Women-only sessions with female lifeguards and instructors, and the blinds closed over the pool windows.',
          'Swim lengths or just relax in the water; lanes are set aside for slower swimmers.',
        ],
      },
      {
        key: 'aqua',
        names: ['Aqua Fit for Beginners – {A}', '{A} Aqua Fit'],
        what: [
          'An aqua fit class in the shallow end: the water supports your joints, so it is kinder than exercise on land.',
          'Classes are set to music and led from the poolside by a qualified instructor.',
        ],
      },
      {
        key: 'lessons',
        names: ['Adult Swimming Lessons – {A}'],
        what: [
          'Swimming lessons for complete beginners and nervous adults, in small groups.',
          'Lessons start in the learner pool, where you can always stand up.',
        ],
      },
    ],
    who: ['For adults aged 18 and over.', 'A good choice if you have arthritis, back pain or are recovering from an injury.'],
    extra: ['A hoist is available for getting in and out of the pool.'],
    first: ['Tell the reception desk it is your first time and they will show you to the changing rooms.'],
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'drop_in'], ['self']],
    sched: ['evening', 'morning', 'weekend'],
    cost: ['price', 'conc'],
    prices: [3.5, 4.5, 5, 6, 7.5],
    venues: ['leisure'],
    support: ['met_on_first_visit'],
    roles: ['Swim instructor'],
    mailbox: ['swim'],
  },
  active: {
    cats: ['physical-activity'],
    maybeCats: [
      ['gentle-exercise', 0.5],
      ['walking-groups', 0.3],
    ],
    variants: [
      {
        names: ['Active Ageing {A}', '{A} Get Moving', 'Move It {A}'],
        what: [
          'A programme of activities for people aged 50 and over, including walking, dance, bowls and seated exercise, with a free taster of each.',
          'An activity coordinator helps you find a type of exercise you enjoy and goes with you to your first session.',
          'Sessions are low cost and designed for people who do not think of themselves as sporty.',
        ],
      },
    ],
    who: ['For people aged 50 and over in {A} and nearby.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'professional', 'gp']],
    ages: [50, null],
    sched: ['morning', 'twodays'],
    cost: ['conc', 'price'],
    prices: [2, 2.5, 3],
    venues: ['community', 'leisure'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Activity coordinator'],
    mailbox: ['active'],
  },

  // ---- Arts, crafts and music --------------------------------------------------------------
  art: {
    cats: ['arts-and-crafts'],
    variants: [
      {
        names: ['{A} Art Group', '{A} Art for Wellbeing', 'Open Studio – {A}'],
        what: [
          'A relaxed painting and drawing group; bring your own project or join in with the theme of the week.',
          'A tutor helps beginners get started with watercolours and sketching, at a gentle pace.',
        ],
      },
      {
        key: 'craft',
        names: ['{A} Craft Club', 'Make and Mend – {A}'],
        what: [
          'Try a different craft every week, such as card making, mosaics, lino printing and collage, with all materials provided.',
          'Learn to repair and customise clothes with sewing machines and help from experienced makers.',
        ],
      },
      {
        key: 'pottery',
        explicit: true,
        names: ['{A} Pottery for Beginners'],
        what: [
          'A six-week clay course covering hand building, coiling and glazing, with your pieces fired in the kiln.',
          'Small classes mean plenty of help from the potter.',
        ],
      },
    ],
    who: [
      "No experience needed: it's about enjoying making, not being an artist.",
      'For adults of all abilities, including people living with mental health problems.',
    ],
    extra: ['All materials are provided.', 'Tea and biscuits halfway through.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'drop_in'], ['self']],
    sched: ['morning', 'afternoon', 'evening'],
    cost: ['price', 'conc', 'pwyc', 'course'],
    prices: [3, 4, 5, 8, 10, 12],
    venues: ['community', 'library', 'cafe'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Artist', 'Group leader'],
    mailbox: ['art', 'studio'],
  },
  choir: {
    cats: ['music-and-singing'],
    variants: [
      {
        names: ['{A} Community Choir', '{A} Singing for Wellbeing'],
        what: [
          'A community choir that sings everything from folk and Motown to pop, learning by ear so nobody needs to read music.',
          'Singing together is good for breathing, mood and confidence, and it is a lot of fun.',
          'There are no auditions, and the songs are chosen to be easy to join in with.',
        ],
      },
      {
        key: 'memory',
        explicit: true,
        names: ['Sing and Remember – {A}'],
        cats: ['dementia'],
        what: [
          'Singing sessions for people living with dementia and the people who care for them, with familiar songs from the past.',
          'Songs are printed in large type and there is always tea and cake at half time.',
        ],
        who: ['People living with dementia come along with a family member or carer.'],
      },
      {
        key: 'uke',
        names: ['{A} Ukulele Group', '{A} Ukulele Club'],
        what: [
          'A ukulele group for complete beginners; we lend you a ukulele until you get your own.',
          'You will be playing simple tunes together by the end of the first session.',
        ],
      },
    ],
    who: ['Everyone is welcome, whatever your voice.', 'Adults of all ages and abilities are welcome.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['evening', 'afternoon', 'morning'],
    cost: ['conc', 'price', 'pwyc', 'conc'],
    prices: [2, 3, 4, 5],
    venues: ['church', 'community'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Musical director', 'Choir leader'],
    mailbox: ['sing'],
  },
  writing: {
    cats: ['creative-writing'],
    variants: [
      {
        key: 'reading',
        names: ['{A} Reading Group', '{A} Shared Reading'],
        leads: 3,
        what: [
          'A shared reading group where a short story and a poem are read aloud and talked about; there is no need to read anything beforehand.',
          'A book group: we choose a book together and the library lends you a copy.',
          'Read together, talk together: a relaxed group where stories and poems are read aloud and everyone can say what they think.',
          'Large-print and audio copies of each book are available.',
        ],
      },
      {
        key: 'writing',
        names: ["{A} Writers' Circle", '{A} Poetry Café', '{A} Life Stories Group'],
        what: [
          'Write poems, stories and memories with gentle prompts from a published writer, and share your work only if you want to.',
          'Each session starts with a short piece to read, then everyone writes for twenty minutes.',
        ],
      },
    ],
    who: ['For adults who enjoy words, whatever your spelling.', 'Beginners are very welcome.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'drop_in']],
    sched: ['morning', 'afternoon', 'monthly', 'evening'],
    cost: ['free', 'pwyc', 'price'],
    venues: ['library', 'cafe'],
    support: ['met_on_first_visit'],
    roles: ['Group leader', 'Writer in residence'],
    mailbox: ['words'],
  },
  creative: {
    cats: ['arts-crafts-music'],
    maybeCats: [
      ['arts-and-crafts', 0.5],
      ['music-and-singing', 0.2],
    ],
    variants: [
      {
        names: ['{A} Creative Wellbeing', 'Creative Minds {A}', '{A} Arts on Prescription'],
        what: [
          'Ten weeks of creative sessions, from painting and printmaking to music and photography, led by a local artist.',
          'Creative activities to help you relax, build confidence and meet people; no skill needed.',
          'At the end of the course there is a small exhibition of everyone’s work, for those who want to take part.',
        ],
      },
    ],
    who: ['For adults whose health or wellbeing would benefit from being creative, including people with anxiety, depression or long-term conditions.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'professional', 'gp'],
      ['professional', 'gp'],
    ],
    sched: ['course', 'afternoon'],
    cost: ['free'],
    venues: ['community', 'cafe'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Lead artist'],
    mailbox: ['create'],
  },

  // ---- Nature and green spaces ------------------------------------------------------------
  garden: {
    cats: ['gardening'],
    variants: [
      {
        names: ['{A} Community Garden', '{A} Growing Project', 'Grow Together {A}', '{A} Allotment Club'],
        what: [
          'Help grow fruit, vegetables and flowers in a shared community garden, then take some of the harvest home.',
          'Volunteers of all abilities help with planting, weeding, composting and looking after the polytunnel.',
          'A therapeutic gardening group with raised beds you can work at sitting down.',
          'No gardening knowledge is needed: experienced growers are on hand to show you what to do.',
        ],
      },
    ],
    who: ['For adults of all ages; families are welcome at weekend sessions.', 'Popular with people who want to spend more time outdoors and meet others.'],
    extra: ['Gloves and tools are provided; wear old clothes.', 'Tea brewed on the camping stove is a highlight.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'drop_in'],
      ['self', 'professional'],
    ],
    sched: ['morning', 'afternoon', 'weekend', 'twodays'],
    cost: ['free', 'pwyc', 'pwyc'],
    venues: ['garden'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Garden coordinator', 'Head grower'],
    mailbox: ['grow'],
  },
  conservation: {
    cats: ['conservation-volunteering'],
    variants: [
      {
        names: ['Friends of {park}', '{A} Conservation Volunteers', '{A} River Clean-up Crew', '{A} Woodland Volunteers'],
        what: [
          'Practical conservation work in local green spaces: clearing paths, planting trees, building habitat piles and litter picking.',
          'Help look after the riverbank, pulling out invasive plants and recording wildlife.',
          'Regular work parties led by a ranger, with all tools, gloves and training provided.',
          'Volunteers survey birds, bats and butterflies and share their records with the local wildlife trust.',
        ],
        leads: 3,
      },
    ],
    who: [
      'For anyone aged 16 or over who enjoys being outdoors; under-16s can come with an adult.',
      "You don't need to be fit; there are jobs for all abilities.",
    ],
    first: ['Meet at {V}. The ranger will give a short safety talk and hand out gloves.', GROUP_FIRST[0]!],
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self']],
    sched: ['weekend', 'monthly', 'morning'],
    cost: ['free'],
    venues: ['park'],
    support: ['met_on_first_visit'],
    roles: ['Ranger', 'Volunteer leader'],
    mailbox: ['volunteers'],
  },
  green: {
    cats: ['nature-green-spaces'],
    maybeCats: [
      ['walking-groups', 0.4],
      ['gardening', 0.4],
    ],
    variants: [
      {
        names: ['{A} Green Health', 'Nature Connect {A}', 'Wild Wellbeing – {A}'],
        what: [
          'A green prescription programme: eight weeks outdoors with nature walks, wildlife spotting, bushcraft and gardening.',
          'Sessions are relaxed and led by a ranger and a wellbeing worker.',
          'Hot drinks are made over the fire, and waterproofs and boots can be borrowed.',
        ],
      },
    ],
    who: ['For adults whose mental or physical health would benefit from time outdoors.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'professional', 'gp']],
    sched: ['course', 'morning'],
    cost: ['free'],
    venues: ['park', 'garden'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Ranger', 'Wellbeing worker'],
    mailbox: ['green'],
  },

  // ---- Digital --------------------------------------------------------------------------
  digihelp: {
    cats: ['digital-help'],
    variants: [
      {
        names: ['{A} Digital Drop-in', 'Get Online {A}', '{A} Tech Help Café', 'Tea and Tablets – {A}', '{A} Computer Buddies'],
        what: [
          "Bring your phone, tablet or laptop and a volunteer will help you with whatever you're stuck on, from email and WhatsApp to booking a GP appointment online.",
          'Learn the basics of using a computer, at your own pace and with someone patient beside you.',
          'Help to set up and use the NHS App, online banking and your Universal Credit journal safely.',
          'We also cover staying safe online and spotting scam texts and emails.',
        ],
      },
    ],
    who: ['For anyone who wants to feel more confident online, whatever your age.', 'Complete beginners are very welcome.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self', 'drop_in']],
    sched: ['morning', 'afternoon'],
    cost: ['free', 'free', 'pwyc'],
    venues: ['library', 'community', 'cafe'],
    support: ['met_on_first_visit', 'help_with_forms'],
    roles: ['Digital champion'],
    mailbox: ['digital'],
  },
  devices: {
    cats: ['devices-and-data'],
    maybeCats: [['digital-help', 0.4]],
    variants: [
      {
        names: ['{A} Device Bank', '{A} Data Bank', 'Tech Lending Library – {A}'],
        what: [
          'We give refurbished laptops and tablets to people who cannot afford one, with help to get started.',
          'Free SIM cards with six months of mobile data for people on low incomes.',
          'Borrow a tablet for up to three months while you learn to use it.',
        ],
      },
    ],
    who: [
      'For people in {C} on a low income who have no device or internet at home.',
      'You will need to be referred by a support worker or link worker, or you can ask at the library.',
    ],
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['professional'], ['self', 'professional']],
    sched: ['daytime', 'afternoon'],
    cost: ['free'],
    venues: ['library', 'office'],
    support: ['help_with_forms'],
    roles: ['Digital inclusion officer'],
    mailbox: ['devices'],
  },
  digital: {
    cats: ['digital-skills'],
    maybeCats: [['digital-help', 0.7]],
    variants: [
      {
        names: ['{A} Digital Skills Hub', 'Digital Confidence – {A}'],
        what: [
          'Everything you need to get online in one place: free devices, data and weekly support sessions.',
          'Short courses on using email, video calls and online shopping safely.',
        ],
      },
    ],
    who: ['For adults in {C} who want to get online or get more out of the internet.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'drop_in', 'professional']],
    sched: ['course', 'morning', 'afternoon'],
    cost: ['free'],
    venues: ['library', 'community'],
    support: ['met_on_first_visit'],
    roles: ['Digital skills tutor'],
    mailbox: ['digital'],
  },

  // ---- Carers ---------------------------------------------------------------------------
  carers: {
    cats: ['carer-support'],
    variants: [
      {
        names: ['{A} Carers Group', '{A} Carers Café', 'Carers Together – {A}', 'Time for You – {A} Carers'],
        what: [
          'A get-together for unpaid carers to share experiences, pick up information and have some time for themselves.',
          "Carers' support workers can help with a carer's assessment, benefits and planning for emergencies.",
          'Relaxing activities such as pampering sessions, lunches out and craft workshops, just for carers.',
        ],
      },
    ],
    who: ["You don't have to call yourself a carer to come along: if you look after someone who couldn't manage without you, you are welcome."],
    notFor: ['Not for paid care workers.', 'Not for paid care workers or volunteers caring for someone through an organisation.'],
    elig: ['For carers aged 18 and over living in {C}', 'For unpaid carers of any age living in {C}', 'For people caring for a family member or friend in {C}'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'drop_in'],
      ['self', 'professional'],
    ],
    sched: ['monthly', 'afternoon', 'evening'],
    cost: ['free'],
    venues: ['community', 'cafe', 'office'],
    support: ['met_on_first_visit', 'bring_someone', 'help_with_forms'],
    roles: ['Carers support worker'],
    mailbox: ['carers'],
  },
  respite: {
    cats: ['respite-breaks'],
    variants: [
      {
        names: ['{A} Short Breaks for Carers', '{A} Sitting Service', 'Carer Breaks – {A}'],
        what: [
          'A trained sitter stays with the person you care for for up to three hours a week, so you can have a break.',
          'Funding and help to plan a short break, from a day out to a few nights away.',
          'We can arrange a replacement carer so you can go to your own appointments or just have some time off.',
        ],
      },
    ],
    who: ['For unpaid carers in {C} looking after an adult.'],
    notFor: ['Not for carers of children under 18.'],
    elig: ['For unpaid carers of adults living in {C}'],
    delivery: 'outreach',
    group: 'one_to_one',
    routes: [['self', 'professional'], ['professional']],
    sched: ['office'],
    cost: ['free', 'price'],
    prices: [5, 8, 10],
    venues: ['office'],
    support: ['help_with_forms'],
    roles: ['Short breaks coordinator'],
    mailbox: ['breaks'],
  },
  carersline: {
    cats: ['carers'],
    maybeCats: [['carer-support', 0.7]],
    variants: [
      {
        names: ['{A} Carers Advice Line'],
        what: [
          'Advice and a listening ear for anyone looking after a family member or friend.',
          "We can tell you about carers' rights, benefits, breaks and local support groups, and help you ask for a carer's assessment.",
        ],
      },
    ],
    who: ['For unpaid carers of any age.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['self', 'professional']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms'],
    roles: ['Carers adviser'],
    mailbox: ['carersline'],
  },
  youngcarers: {
    cats: ['carer-support', 'young-people'],
    variants: [
      {
        names: ['Young Carers {A}'],
        what: [
          'A weekly club, trips and days out for young people who help look after someone at home.',
          'A young carers worker can talk to your school so teachers understand what is going on.',
        ],
      },
    ],
    who: ['For young carers aged 8 to 17.'],
    notFor: ['Not for carers aged 18 and over: look for a carers group near you instead.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'professional']],
    ages: [8, 17],
    sched: ['evening', 'afternoon'],
    cost: ['free'],
    venues: ['youth', 'community'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Young carers worker'],
    mailbox: ['youngcarers'],
  },

  // ---- Long-term conditions ----------------------------------------------------------------
  diabetes: {
    cats: ['diabetes'],
    variants: [
      {
        names: ['{A} Diabetes Support Group', 'Living Well with Diabetes – {A}', 'Type 2 Together – {A}'],
        what: [
          'A friendly group for people living with diabetes to share tips and hear from health professionals such as dietitians and podiatrists.',
          'A free course for people newly diagnosed with type 2 diabetes on food, activity and looking after your feet and eyes.',
          'Swap recipes and ideas for managing blood sugar with others who know what it is like.',
        ],
      },
    ],
    who: ['For adults with type 1 or type 2 diabetes, and their families.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'drop_in'],
      ['self', 'gp', 'professional'],
    ],
    sched: ['monthly', 'afternoon', 'course'],
    cost: ['free', 'pwyc'],
    venues: ['health', 'community'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Group coordinator'],
    mailbox: ['diabetes'],
  },
  lungs: {
    cats: ['heart-and-lung'],
    variants: [
      {
        names: ['{A} Better Breathing Group'],
        what: [
          'A support group for people with COPD, asthma and other lung conditions, with gentle exercise and breathing techniques.',
          'Nurses and physiotherapists come along every few months to answer questions.',
        ],
      },
      {
        key: 'heart',
        names: ['{A} Heart Support Group', 'Cardiac Exercise Club – {A}'],
        what: [
          'Exercise led by a cardiac rehabilitation instructor, followed by a social get-together.',
          'For people who have finished hospital cardiac rehab and want to keep going.',
        ],
      },
      {
        key: 'sing',
        names: ['{A} Breathe Well Singing'],
        what: [
          'Singing exercises that help with breathing control, for people with long-term lung conditions.',
          'You sit down for most of the session, and there is no need to read music.',
        ],
      },
    ],
    who: ['For people with a heart or lung condition and the people who care for them.', "Ask your nurse or GP if you're not sure it is suitable."],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'gp', 'professional'],
      ['self', 'drop_in'],
    ],
    sched: ['afternoon', 'morning', 'fortnightly'],
    cost: ['pwyc', 'price', 'free'],
    prices: [2, 3],
    venues: ['community', 'church', 'leisure'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Group coordinator', 'Instructor'],
    mailbox: ['breathe'],
  },
  pain: {
    cats: ['chronic-pain'],
    variants: [
      {
        names: ['Living with Pain – {A}', '{A} Pain Support Group', '{A} Pain Management Course'],
        what: [
          'A course to help you manage persistent pain day to day, covering pacing, sleep, movement and how pain affects mood.',
          'A peer support group for people living with persistent pain, including fibromyalgia, back pain and arthritis.',
          'Gentle movement and relaxation sessions led by a physiotherapist.',
        ],
      },
    ],
    who: ['For adults who have lived with pain for three months or more.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'gp', 'professional'],
      ['gp', 'professional'],
    ],
    sched: ['course', 'afternoon', 'fortnightly'],
    cost: ['free'],
    venues: ['health', 'community'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Pain management facilitator'],
    mailbox: ['pain'],
  },
  memory: {
    cats: ['dementia'],
    maybeCats: [
      ['carer-support', 0.3],
      ['social-groups', 0.3],
    ],
    variants: [
      {
        names: ['{A} Memory Café', 'Forget-me-not Café – {A}', '{A} Dementia Friendly Café'],
        what: [
          'A relaxed café for people living with dementia or memory problems and the people who care for them.',
          'A memory café with live music, games and the chance to meet others in the same boat.',
          "There's music, reminiscence, gentle activities and the chance to talk to a dementia adviser.",
          'Come along for tea and cake, a sing-along and friendly conversation with people who understand.',
        ],
      },
    ],
    who: ['For people with dementia or worried about their memory, and their families and carers.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['monthly', 'afternoon', 'fortnightly'],
    cost: ['pwyc', 'free', 'price'],
    venues: ['church', 'cafe', 'community'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Dementia adviser', 'Café organiser'],
    mailbox: ['memory'],
  },
  cancer: {
    cats: ['cancer-support'],
    variants: [
      {
        names: ['{A} Cancer Support Drop-in', '{A} Cancer Support Group', 'Moving On After Cancer – {A}'],
        what: [
          'Practical and emotional support for anyone affected by cancer, including help with benefits, travel costs and wigs.',
          'A support group where people living with cancer, and their families, meet to talk and relax.',
          'A course for people who have finished treatment, on tiredness, diet, activity and getting back to work.',
        ],
      },
    ],
    who: ['For anyone affected by cancer, including family and friends.'],
    first: ['Someone will meet you at the door and make you a cup of tea.', ONE_FIRST[0]!],
    delivery: 'in_person',
    group: 'small_group',
    routes: [
      ['self', 'drop_in', 'professional'],
      ['self', 'professional', 'gp'],
    ],
    sched: ['daytime', 'afternoon', 'monthly'],
    cost: ['free'],
    venues: ['health', 'office', 'community'],
    support: ['met_on_first_visit', 'bring_someone', 'help_with_forms'],
    roles: ['Cancer support specialist'],
    mailbox: ['support'],
  },
  stroke: {
    cats: ['stroke'],
    variants: [
      {
        names: ['{A} Stroke Club', '{A} Stroke Survivors Group', 'Life After Stroke – {A}'],
        what: [
          'A friendly club for people who have had a stroke, with exercise, communication games and a chat.',
          'Volunteers who have had a stroke themselves offer support and share what helped them.',
          'Communication support for people with aphasia, in a relaxed group with speech and language therapy students.',
        ],
      },
    ],
    who: ['For stroke survivors and their families.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'drop_in', 'professional']],
    sched: ['afternoon', 'fortnightly', 'monthly'],
    cost: ['pwyc', 'price'],
    venues: ['community', 'church'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Club coordinator'],
    mailbox: ['stroke'],
  },
  ltc: {
    cats: ['long-term-conditions'],
    maybeCats: [
      ['wellbeing-courses', 0.4],
      ['gentle-exercise', 0.3],
    ],
    variants: [
      {
        names: ['Living Well – {A}', '{A} Self-Management Course'],
        what: [
          'A six-week course for people living with any long-term health condition, on managing symptoms, fatigue, medication and feelings.',
          'People with different conditions learn from each other and set small goals each week.',
          'Run by trained tutors who live with a long-term condition themselves.',
        ],
      },
      {
        key: 'parkinsons',
        explicit: true,
        names: ["Moving Well with Parkinson's – {A}"],
        what: [
          "Exercise and social sessions for people living with Parkinson's, led by a specialist instructor.",
          'Partners and carers are welcome to join in or have a coffee and a chat.',
        ],
      },
    ],
    who: ['For adults living with a long-term condition such as arthritis, COPD, diabetes, heart disease or MS.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'gp', 'professional']],
    sched: ['course', 'morning', 'afternoon'],
    cost: ['free'],
    venues: ['community', 'health', 'library'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Course tutor'],
    mailbox: ['livingwell'],
  },

  // ---- Alcohol and drugs ----------------------------------------------------------------
  alcohol: {
    cats: ['alcohol-support'],
    variants: [
      {
        names: ['{A} Alcohol Support Service', 'Drink Less – {A}'],
        what: [
          'Confidential one-to-one support to cut down or stop drinking, at your own pace.',
          'Key workers can arrange a safe detox with your GP and support you afterwards.',
          "We also give advice to family members worried about someone's drinking.",
        ],
      },
    ],
    who: ['For adults in {C} who are worried about their drinking.'],
    notFor: ['Not for people under 18.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [['self', 'gp', 'professional']],
    ages: [18, null],
    sched: ['office', 'daytime'],
    cost: ['free'],
    venues: ['office', 'health'],
    support: ['bring_someone'],
    roles: ['Recovery worker'],
    mailbox: ['alcohol'],
  },
  drugs: {
    cats: ['drug-support'],
    variants: [
      {
        names: ['{A} Drug Support Service', 'Harm Reduction Drop-in – {A}'],
        what: [
          'Free, confidential support for people who use drugs, including substitute prescribing, needle exchange and naloxone kits.',
          "Key workers help you work towards your own goals, whether that's using more safely or stopping altogether.",
          'Testing for blood-borne viruses and help to get hepatitis C treatment.',
        ],
      },
    ],
    who: ['For adults aged 18 and over in {C}.'],
    first: ONE_FIRST,
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self', 'drop_in', 'professional', 'gp']],
    ages: [18, null],
    sched: ['office', 'daytime'],
    cost: ['free'],
    venues: ['office', 'health'],
    support: ['bring_someone'],
    roles: ['Drug worker'],
    mailbox: ['drugs'],
  },
  recovery: {
    cats: ['recovery-groups'],
    maybeCats: [['peer-support', 0.3]],
    variants: [
      {
        names: ['{A} Recovery Café', '{A} Recovery Meeting', '{A} Recovery Walk and Talk', 'Recovery Connections – {A}'],
        what: [
          'A recovery café run by people in recovery, with food, music and mutual aid meetings.',
          'Weekly peer-led meetings for anyone in recovery or thinking about it.',
          'A safe, sober space to spend time, learn new skills and build a life in recovery.',
        ],
      },
    ],
    who: ['For anyone in recovery or wanting to stop using drugs or alcohol, and their families.'],
    notFor: ['Not a detox service. If you need medical help to stop drinking or using, talk to your GP first.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    sched: ['evening', 'afternoon', 'weekend'],
    cost: ['free', 'pwyc'],
    venues: ['community', 'cafe', 'church'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Peer mentor'],
    mailbox: ['recovery'],
  },
  drugline: {
    cats: ['alcohol-drugs'],
    maybeCats: [
      ['alcohol-support', 0.6],
      ['drug-support', 0.6],
    ],
    variants: [
      {
        names: ['{A} Drug and Alcohol Advice Line'],
        what: [
          "A confidential advice line for anyone worried about their own or someone else's drinking or drug use.",
          'Call to talk things through, get information about treatment or book a first appointment.',
        ],
      },
    ],
    who: ['For anyone in Newcastle or Gateshead.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['self']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: [],
    roles: ['Duty worker'],
    mailbox: ['advice'],
  },

  // ---- Family and children --------------------------------------------------------------
  parenting: {
    cats: ['parenting'],
    variants: [
      {
        names: ['{A} Parenting Course', 'Positive Parenting – {A}'],
        what: [
          'A ten-week course for parents on managing behaviour, building routines and staying calm when things get tough.',
          'Parents share ideas and support each other over a coffee while the children play in the crèche.',
        ],
      },
      {
        key: 'dads',
        names: ["{A} Dads' Group"],
        what: [
          'A group for dads, granddads and male carers to do activities with their children at the weekend.',
          'Think den building, football, cooking and messy play.',
        ],
      },
      {
        key: 'kinship',
        explicit: true,
        names: ['Kinship Carers Group – {A}'],
        cats: ['carer-support'],
        what: [
          'A group for grandparents, aunts, uncles and others bringing up a relative’s child.',
          'Share experiences and get advice on legal orders, allowances and school.',
        ],
      },
    ],
    who: ['For parents and carers of children aged 0 to 11.', 'Mums, dads and anyone bringing up a child are welcome.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'professional']],
    sched: ['course', 'morning', 'weekend'],
    cost: ['free', 'free', 'course'],
    venues: ['community', 'library'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Family worker'],
    mailbox: ['families'],
  },
  baby: {
    cats: ['baby-and-toddler'],
    variants: [
      {
        names: ['{A} Stay and Play', '{A} Baby and Toddler Group', 'Bumps and Babies – {A}', '{A} Little Movers', '{A} Rhyme Time'],
        what: [
          'A stay and play session with toys, messy play and songs for babies and toddlers with their parents or carers.',
          'Meet other parents over a cuppa while your little one plays; a health visitor drops in once a month.',
          'Songs, rhymes and stories for babies and toddlers, with time to chat afterwards.',
          'A friendly, noisy morning of play for little ones, with toys, a sand tray and a snack.',
        ],
      },
    ],
    who: ['For babies and children under five with a parent, grandparent or carer.', 'Dads and grandparents are very welcome.'],
    notFor: ['Not a childcare service: children stay with their parent or carer the whole time.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'large_group',
    routes: [['self', 'drop_in']],
    ages: [0, 4],
    sched: ['morning', 'morning', 'afternoon'],
    cost: ['pwyc', 'price', 'free'],
    prices: [1.5, 2],
    venues: ['community', 'church', 'library'],
    support: ['met_on_first_visit'],
    roles: ['Play leader'],
    mailbox: ['play'],
  },
  youth: {
    cats: ['young-people'],
    variants: [
      {
        names: ['{A} Youth Club', '{A} Youth Project', "{A} Young People's Drop-in"],
        leads: 3,
        what: [
          'A youth club with pool, table tennis, games consoles, cooking and trips, run by qualified youth workers.',
          'Open-access youth sessions with sport, music, art and a tuck shop, plus a quiet room if you just want to chill.',
          'A relaxed drop-in where young people can hang out, get something to eat and take part in activities they choose themselves.',
          'Young people can talk to a youth worker in confidence about anything, from school and friendships to mental health.',
          'Members help run the club and choose the trips, from climbing walls to days at the coast.',
        ],
      },
      {
        key: 'theatre',
        explicit: true,
        names: ['{A} Youth Theatre'],
        what: ['Weekly drama sessions leading to a show each summer; no experience needed.', 'Improvisation, writing and backstage skills as well as acting.'],
      },
    ],
    who: ['For young people aged 11 to 18.'],
    notFor: ['Not for children under 11.'],
    first: ['A youth worker will say hello and show you around. You can bring a friend.'],
    delivery: 'in_person',
    group: 'large_group',
    routes: [
      ['self', 'drop_in'],
      ['self', 'drop_in', 'professional'],
    ],
    ages: [11, 18],
    sched: ['evening', 'evening', 'afternoon', 'weekend'],
    cost: ['free', 'price', 'pwyc'],
    prices: [1.5, 2],
    venues: ['youth', 'community'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Youth worker'],
    mailbox: ['youth'],
  },
  familyhub: {
    cats: ['family-children'],
    maybeCats: [
      ['parenting', 0.5],
      ['baby-and-toddler', 0.4],
    ],
    variants: [
      {
        names: ['{A} Family Hub', '{A} Family Centre'],
        what: [
          'A family hub bringing together health visitors, parenting support, stay and play and advice under one roof.',
          'Drop in to ask about anything from feeding your baby to nursery places and help with money.',
          'Family workers can visit you at home if things are difficult.',
        ],
      },
    ],
    who: ['For families with children aged 0 to 19, or up to 25 if your child has special educational needs.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: null,
    routes: [['self', 'drop_in', 'professional']],
    ages: [0, 19],
    sched: ['office'],
    cost: ['free'],
    venues: ['community'],
    support: ['met_on_first_visit', 'help_with_forms'],
    roles: ['Family hub manager'],
    mailbox: ['familyhub'],
  },

  // ---- Advice and advocacy ---------------------------------------------------------------
  advocacy: {
    cats: ['advocacy'],
    variants: [
      {
        names: ['{A} Advocacy Service', '{A} Independent Advocacy', 'Speak Up – {A}'],
        what: [
          'An advocate will help you say what you want, understand your options and make sure your views are heard, for example at meetings about your care or housing.',
          'Independent, free advocacy for people with learning disabilities, mental health problems or physical disabilities.',
          'We can also support you to make a complaint about health or social care services.',
        ],
      },
    ],
    who: ['For adults aged 18 and over in {C}.', 'You can refer yourself, or someone else can refer you with your permission.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [['self', 'professional']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms', 'bring_someone'],
    roles: ['Advocate'],
    mailbox: ['advocacy'],
  },
  legal: {
    cats: ['legal-advice'],
    variants: [
      {
        names: ['{A} Free Legal Advice Clinic', '{A} Law Clinic', 'Free Legal Advice – {A}'],
        what: [
          'Free legal advice from volunteer solicitors on employment, consumer, family and housing problems.',
          "A 30-minute appointment with a solicitor to understand your options; they can't take on your case but will tell you where to go next.",
          'Law students supervised by qualified solicitors help with letters and forms.',
        ],
      },
    ],
    who: ['For people who cannot afford to pay for a solicitor.'],
    first: ONE_FIRST,
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self'], ['self', 'professional']],
    sched: ['evening', 'fortnightly', 'monthly'],
    cost: ['free'],
    venues: ['office', 'library'],
    support: ['help_with_forms'],
    roles: ['Clinic coordinator'],
    mailbox: ['legal'],
  },
  advice: {
    cats: ['general-advice'],
    variants: [
      {
        names: ['{A} Advice Drop-in', '{A} Help with Forms', '{A} Community Advice Surgery', 'Ask Us – {A}'],
        what: [
          'Help with letters, forms and phone calls about benefits, housing, council tax, blue badges, bus passes and more.',
          'An adviser can help you fill in forms, write letters and make phone calls to sort problems out.',
          'Free, independent advice on anything from consumer problems to employment rights.',
          "A free advice drop-in where you can get help with everyday problems, from a confusing letter to a bill you can't pay.",
        ],
        leads: 4,
      },
    ],
    who: ['For anyone in {C}.', 'If English is not your first language we can use an interpreter.'],
    first: ONE_FIRST,
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [
      ['self', 'drop_in'],
      ['self', 'drop_in', 'professional'],
    ],
    sched: ['daytime', 'morning', 'afternoon'],
    cost: ['free'],
    venues: ['community', 'library', 'office'],
    support: ['help_with_forms', 'bring_someone'],
    roles: ['Adviser'],
    mailbox: ['advice'],
  },
  immigration: {
    cats: ['immigration-advice'],
    variants: [
      {
        names: ['{A} Immigration Advice Clinic', 'Refugee Advice Drop-in – {A}'],
        what: [
          'Free advice from regulated advisers on asylum, family reunion, settled status and visa applications.',
          'Support for people seeking asylum with accommodation problems, asylum support payments and finding a solicitor.',
          'Help for refugees who have just been granted status to open a bank account, claim Universal Credit and find housing.',
        ],
      },
    ],
    who: ['For refugees, people seeking asylum and migrants living in Newcastle and Gateshead.'],
    first: ONE_FIRST,
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self', 'drop_in', 'professional']],
    sched: ['daytime', 'twodays'],
    cost: ['free'],
    venues: ['office', 'community'],
    support: ['help_with_forms', 'bring_someone'],
    langs: ['ar', 'fa', 'ku', 'ti', 'so', 'uk', 'ps'],
    roles: ['Immigration adviser'],
    mailbox: ['immigration'],
  },
  advicecentre: {
    cats: ['advice-advocacy'],
    maybeCats: [
      ['general-advice', 0.5],
      ['benefits-advice', 0.4],
    ],
    variants: [
      {
        names: ['{A} Advice Centre', '{A} Advice Hub'],
        what: [
          'An independent advice centre offering help with benefits, debt, housing, employment and immigration under one roof.',
          'Drop in to see an adviser, or book an appointment if you need longer.',
        ],
      },
    ],
    who: ['For anyone living in {C}.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [['self', 'drop_in', 'professional']],
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms', 'bring_someone'],
    roles: ['Advice centre manager'],
    mailbox: ['advice'],
  },

  // ---- Health services -------------------------------------------------------------------
  sexual: {
    cats: ['sexual-health'],
    variants: [
      {
        names: ['{A} Sexual Health Drop-in', "Young People's Sexual Health Clinic – {A}"],
        what: [
          'Free, confidential testing and treatment for sexually transmitted infections, and contraception including emergency contraception.',
          'A drop-in for advice on contraception, relationships and sexual health, with a nurse and youth worker.',
          'Order free postal test kits and condoms without seeing anyone.',
        ],
      },
    ],
    who: ['For anyone aged 16 and over; under-16s can be seen confidentially too.'],
    first: ['You will be asked to fill in a short form. Everything you tell us is confidential.'],
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self', 'drop_in']],
    sched: ['evening', 'afternoon', 'daytime'],
    cost: ['free'],
    venues: ['health'],
    support: [],
    roles: ['Sexual health nurse'],
    mailbox: ['clinic'],
  },
  smoking: {
    cats: ['stop-smoking'],
    variants: [
      {
        names: ['{A} Stop Smoking Service', 'Quit Together – {A}'],
        what: [
          'Weekly support from a stop smoking adviser, with free nicotine replacement or a vape starter kit.',
          "You are much more likely to quit with support than on your own; we'll help you set a quit date and stick with it.",
          'Carbon monoxide checks each week so you can see the difference stopping makes.',
        ],
      },
    ],
    who: ['For anyone aged 12 and over who smokes and wants to stop.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [['self', 'gp', 'professional']],
    sched: ['daytime', 'evening'],
    cost: ['free'],
    venues: ['health', 'library'],
    support: [],
    roles: ['Stop smoking adviser'],
    mailbox: ['quit'],
  },
  weight: {
    cats: ['weight-management'],
    variants: [
      {
        names: ['{A} Healthy Weight Group', 'Eat Well, Move More – {A}', '{A} Healthy Lifestyle Course'],
        what: [
          'A 12-week group programme on healthy eating, portion sizes and being more active, with weekly weigh-ins if you want them.',
          'No faddy diets: practical advice on eating well on a budget, plus a gentle activity each week.',
          'A friendly group with a dietitian, for people who want to lose weight and keep it off.',
        ],
      },
    ],
    who: ['For adults with a BMI over 25, or lower for some ethnic groups.', 'Your GP can refer you, or you can refer yourself.'],
    first: GROUP_FIRST,
    delivery: 'in_person',
    group: 'small_group',
    routes: [['self', 'gp', 'professional']],
    sched: ['course', 'evening', 'morning'],
    cost: ['free', 'course', 'conc'],
    prices: [10, 12],
    venues: ['community', 'leisure'],
    support: ['met_on_first_visit'],
    roles: ['Health trainer'],
    mailbox: ['weight'],
  },
  sight: {
    cats: ['hearing-and-sight'],
    variants: [
      {
        key: 'hearing',
        names: ['{A} Hearing Aid Drop-in', 'Lipreading Class – {A}'],
        what: [
          'A drop-in where volunteers can clean and retube NHS hearing aids and replace batteries.',
          'A lipreading class to help you manage conversations if you have hearing loss.',
        ],
      },
      {
        key: 'sight',
        names: ['{A} Sight Loss Support'],
        what: [
          'Support and advice on equipment for people living with sight loss, including magnifiers, talking books and help at home.',
          'A rehabilitation worker can show you new ways of doing everyday tasks.',
        ],
      },
    ],
    who: ['For people of any age with hearing or sight loss, and their families.'],
    first: ONE_FIRST,
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [
      ['self', 'drop_in'],
      ['self', 'professional'],
    ],
    sched: ['monthly', 'morning', 'afternoon'],
    cost: ['free'],
    venues: ['library', 'health', 'community'],
    support: ['bring_someone'],
    roles: ['Sensory support worker'],
    mailbox: ['sensory'],
  },
  healthtrainer: {
    cats: ['health-services'],
    maybeCats: [
      ['stop-smoking', 0.4],
      ['weight-management', 0.5],
    ],
    variants: [
      {
        names: ['{A} Health Trainers', '{A} Health Check Drop-in'],
        what: [
          'A health trainer works with you one to one for up to 12 weeks to make changes such as eating better, moving more, drinking less or stopping smoking.',
          'Free health checks including blood pressure, cholesterol and diabetes risk, with advice on what the results mean.',
        ],
      },
    ],
    who: ['For adults in {C}, especially if you have not seen a doctor for a while.'],
    first: ONE_FIRST,
    delivery: 'mixed',
    group: 'one_to_one',
    routes: [['self', 'gp', 'professional']],
    sched: ['daytime', 'office'],
    cost: ['free'],
    venues: ['health', 'community', 'library'],
    support: ['bring_someone'],
    roles: ['Health trainer'],
    mailbox: ['health'],
  },

  // ---- Urgent help ----------------------------------------------------------------------
  crisisline: {
    cats: ['crisis-lines'],
    maybeCats: [['mental-health', 0.5]],
    variants: [
      {
        names: ['{O}'],
        what: [
          'A free, confidential listening line open 24 hours a day, every day of the year, for anyone who is struggling to cope.',
          'Trained volunteers will listen without judging you and help you think about what to do next.',
          'If you are having thoughts of suicide or of harming yourself, you can talk about it with us.',
          'We can also talk with you if you are worried about someone else.',
        ],
      },
    ],
    who: ['For anyone aged 16 or over in Newcastle, Gateshead and the wider North East.'],
    extra: ['If your life is in immediate danger, call 999.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['self']],
    urgent: true,
    sched: ['24h'],
    cost: ['free'],
    venues: ['office'],
    support: [],
    roles: ['Volunteer coordinator'],
    mailbox: ['listen'],
  },
  crisiscafe: {
    cats: ['urgent-help', 'mental-health'],
    variants: [
      {
        names: ['{A} Crisis Café'],
        what: [
          'An out-of-hours safe space for anyone in emotional crisis, open every evening, as an alternative to A&E.',
          'Talk to trained staff and peer workers, have a hot drink and make a plan for getting through the night.',
          'No appointment or referral is needed.',
        ],
      },
    ],
    who: ['For adults aged 18 and over.'],
    notFor: ['Not for medical emergencies. If you have hurt yourself or taken an overdose, go to A&E or call 999.'],
    first: ['Ring the bell at the front door. A member of staff will take you somewhere quiet and ask how they can help.'],
    delivery: 'in_person',
    group: 'one_to_one',
    routes: [['self', 'drop_in', 'professional']],
    urgent: true,
    ages: [18, null],
    sched: ['nightly'],
    cost: ['free'],
    venues: ['office'],
    support: ['met_on_first_visit', 'bring_someone'],
    roles: ['Crisis café lead'],
    mailbox: ['cafe'],
  },
  dahelpline: {
    cats: ['domestic-abuse'],
    variants: [
      {
        names: ['{O} Helpline'],
        what: [
          'A confidential helpline for anyone experiencing domestic abuse, including physical, emotional, financial and sexual abuse and coercive control.',
          'Trained advisers will listen, help you plan for your safety and can refer you to refuge accommodation.',
          'We also support friends, family members and professionals who are worried about someone.',
        ],
      },
    ],
    who: ['For women, men and non-binary people in Newcastle and Gateshead.'],
    extra: ['If you are in immediate danger, call 999. If you cannot speak, press 55 when prompted.'],
    delivery: 'phone',
    group: 'one_to_one',
    routes: [['self', 'professional']],
    urgent: true,
    sched: ['24h'],
    cost: ['free'],
    venues: ['office'],
    support: [],
    roles: ['Helpline manager'],
    mailbox: ['helpline'],
  },
  daoutreach: {
    cats: ['domestic-abuse'],
    maybeCats: [['advocacy', 0.5]],
    variants: [
      {
        names: ['{A} Domestic Abuse Outreach'],
        what: [
          'Outreach workers meet you somewhere safe, such as a GP surgery or library, to talk about your options.',
          'Support with safety planning, court orders, housing and money, for as long as you need it.',
          'An independent domestic violence adviser (IDVA) can support you through the criminal justice process.',
        ],
      },
    ],
    who: ['For anyone aged 16 and over experiencing domestic abuse.'],
    delivery: 'outreach',
    group: 'one_to_one',
    routes: [['self', 'professional']],
    urgent: true,
    sched: ['office'],
    cost: ['free'],
    venues: ['office'],
    support: ['help_with_forms'],
    roles: ['Outreach worker'],
    mailbox: ['outreach'],
  },
  dagroup: {
    cats: ['domestic-abuse', 'peer-support'],
    variants: [
      {
        names: ['Moving Forward Group – {A}', 'Freedom Group – {A}'],
        what: [
          'A 12-week group programme for women who have experienced domestic abuse, exploring healthy relationships and rebuilding confidence.',
          'The venue is kept private and is shared with you when you book a place.',
          'Free childcare is available during the sessions.',
        ],
      },
    ],
    who: ['For women aged 18 and over who are no longer living with the person who harmed them.'],
    notFor: ['Not for anyone still living with the person who is harming them: call the helpline instead.'],
    delivery: 'outreach',
    group: 'small_group',
    routes: [['self', 'professional']],
    ages: [18, null],
    sched: ['course'],
    cost: ['free'],
    venues: ['office'],
    support: ['met_on_first_visit'],
    roles: ['Group facilitator'],
    mailbox: ['groups'],
  },
};
