// The fictional organisations in the sample directory and the services each runs.
// A service is written "kind[#variant][@area[+area]][!mode][=Name]": kinds are in kinds.ts,
// areas in places.ts, mode is phone, online or mixed; with no @area the organisation's home
// area is used, and with no =Name a name is made from the kind.

import type { SchedStyle } from './kinds';

export type OrgType = 'community' | 'church' | 'charity' | 'cic' | 'group' | 'health';

export interface ServiceSpec {
  s: string;
  /** Extra category codes on top of the kind's. */
  cats?: string[];
  sched?: SchedStyle;
  /** Exact times, for services whose name or wording fixes the day. */
  at?: { freq?: 'WEEKLY' | 'MONTHLY'; byday: string; opens_at: string; closes_at: string; description?: string };
  what?: string[];
  who?: string[];
  langs?: string[];
  ages?: [number | null, number | null];
  elig?: string;
}

export interface OrgSpec {
  name: string;
  area: string;
  type: OrgType;
  services: (string | ServiceSpec)[];
  about?: string;
  alternate?: string;
}

function o(name: string, area: string, type: OrgType, services: (string | ServiceSpec)[], about?: string, alternate?: string): OrgSpec {
  return { name, area, type, services, about, alternate };
}

export const ORGANISATIONS: OrgSpec[] = [
  // ---- Urgent help ------------------------------------------------------------------------
  o(
    'Tyneside Listening Line',
    'city',
    'charity',
    ['crisisline=Tyneside Listening Line', 'bline!phone=Tyneside Listening Line Bereavement Support'],
    'A volunteer-run listening charity answering calls from across Tyneside since 1971.',
  ),
  o(
    'Riverside Crisis Support',
    'city',
    'charity',
    ['crisiscafe@city=The Lantern Crisis Café', 'crisisline=Riverside Night and Day Line', 'crisiscafe@gateshead=The Harbour Crisis Café'],
    'A mental health charity offering safe places and phone support to people in crisis, as an alternative to A&E.',
  ),
  o(
    'Gateshead Crisis Response',
    'gateshead',
    'health',
    [
      {
        s: 'crisisline=Gateshead 24-Hour Mental Health Crisis Line',
        what: [
          'A 24-hour phone line staffed by mental health nurses and support workers, for anyone in Gateshead in a mental health crisis.',
          'We can talk things through, arrange for someone to see you the same day, or help you find a safe place for the night.',
        ],
        who: ['For anyone in Gateshead, of any age, who needs urgent help with their mental health.'],
      },
    ],
    'A mental health crisis team working alongside GP practices and hospitals across Gateshead.',
  ),
  o(
    'Safe Harbour Tyneside',
    'city',
    'charity',
    [
      'dahelpline=Safe Harbour 24-Hour Helpline',
      'daoutreach@gateshead=Safe Harbour Community Outreach',
      'dagroup@bensham',
      'daoutreach@city=Safe Harbour Newcastle Outreach',
    ],
    'A specialist domestic abuse charity offering a helpline, outreach, group programmes and refuge places.',
  ),
  o("Tyne Men's Advice Line", 'city', 'charity', [
    {
      s: "dahelpline!phone=Tyne Men's Domestic Abuse Line",
      what: [
        'A confidential helpline for men experiencing domestic abuse from a partner, ex-partner or family member.',
        'Advisers understand that it can be hard for men to talk about abuse, and will believe you.',
        'We can help you plan for your safety, find somewhere to stay and get legal advice.',
      ],
      who: ['For men aged 16 and over in Newcastle and Gateshead.'],
    },
  ]),

  // ---- Money and advice -------------------------------------------------------------------
  o(
    'Tyne Debt Advice Project',
    'city',
    'charity',
    [
      'debt@city',
      'debt@walker+byker=Tyne Debt Advice Project – East End Outreach',
      'debt!phone=Tyne Debt Advice Line',
      'budgeting!online=Money Confidence Online',
    ],
    'An independent charity giving free, confidential debt advice across Tyneside for over 20 years.',
  ),
  o('Gateshead Welfare Rights Alliance', 'gateshead', 'charity', [
    'benefits@gateshead',
    'benefits@felling',
    {
      s: 'benefits!phone=Gateshead Benefits Helpline',
      what: [
        "Phone advice on any benefit, from Universal Credit and PIP to Pension Credit and Carer's Allowance.",
        'An adviser can check what you are entitled to over the phone and post or email you the forms you need.',
      ],
    },
  ]),
  o(
    'West End Advice Centre',
    'elswick',
    'charity',
    ['advicecentre@elswick=West End Advice Centre', 'benefits@benwell', 'immigration@elswick', 'advice@fenham'],
    'A community advice centre serving the West End of Newcastle since 1983.',
  ),
  o(
    'Newcastle Community Advice Service',
    'city',
    'charity',
    ['advice@city', 'legal@city=Free Legal Advice Clinic', 'advice!phone=Newcastle Advice Line', 'housingadvice@city'],
    undefined,
    'NCAS',
  ),
  o('Gateshead Advice Partnership', 'gateshead', 'charity', ['advice@gateshead', 'advice@birtley', 'advice@blaydon', 'energy!phone=Gateshead Warm Homes Line']),
  o(
    'Warm Tyne Energy Advice',
    'byker',
    'cic',
    ['energy@byker', 'energy!mixed=Warm Tyne Home Visits', 'costofliving@walker'],
    'A community interest company helping households keep warm and bring their energy bills down.',
  ),
  o('Tyneside Migrant Support Network', 'city', 'charity', [
    'immigration@city',
    'esol@city',
    {
      s: "social@city=International Women's Circle",
      what: [
        'A weekly circle for women from all over the world to meet, share food and practise English.',
        'Activities include sewing, trips to the coast and talks about health, schools and rights.',
      ],
      who: ['For women who have moved to the North East from another country, including refugees and people seeking asylum.'],
      langs: ['ar', 'fa', 'ti', 'so'],
    },
    {
      s: 'legal!online=Immigration Advice Video Clinic',
      cats: ['immigration-advice'],
      langs: ['ar', 'fa'],
      what: [
        'Video appointments with a regulated immigration adviser, for people who cannot get to our office.',
        'We can advise on asylum, family reunion, the EU Settlement Scheme and visa renewals, and help you find a legal aid solicitor.',
      ],
      who: ['For refugees, people seeking asylum and migrants living in Newcastle and Gateshead.'],
    },
  ]),
  o(
    'Tyne Emergency Grants Trust',
    'city',
    'charity',
    ['grants@city=Tyne Crisis Grants', 'grants@gateshead=Gateshead Hardship Fund'],
    'A small grant-making trust giving one-off help to people in Newcastle and Gateshead facing a crisis.',
  ),
  o('Bensham Community Welcome Centre', 'bensham', 'community', [
    'esol@bensham',
    { s: "social@bensham=Women's Tea and Chat", who: ['For women of all backgrounds, with or without children.'], langs: ['ur', 'bn', 'ar'] },
    'advice@bensham',
  ]),
  o('Polish Community Tyneside', 'elswick', 'group', [
    {
      s: 'social@elswick=Polish Saturday Club',
      at: { byday: 'SA', opens_at: '10:00', closes_at: '13:00', description: 'Term time only' },
      what: [
        'A Saturday club for Polish families with Polish lessons for children, a café and a library of Polish books.',
        'Parents chat over coffee and cake while the children learn.',
      ],
      who: ['For Polish-speaking families and anyone interested in Polish culture.'],
      langs: ['pl'],
    },
    { s: 'advice@elswick=Polish Advice Surgery', who: ['For Polish speakers who need help with letters, forms, work and housing.'], langs: ['pl'] },
  ]),
  o('Roma Support Tyneside', 'benwell', 'cic', [
    {
      s: 'advice@benwell=Roma Advice Drop-in',
      who: ['For Roma families living in Newcastle, and anyone from Central and Eastern Europe who needs help.'],
      langs: ['ro', 'cs', 'sk'],
    },
    'youth@benwell=Roma Youth Club',
  ]),

  // ---- Food ---------------------------------------------------------------------------------
  o(
    'Tyneside Community Foodbank',
    'benwell',
    'charity',
    [
      'foodbank@benwell=Tyneside Community Foodbank – Benwell',
      'foodbank@heaton=Tyneside Community Foodbank – Heaton',
      'foodbank@kenton=Tyneside Community Foodbank – Kenton',
      'emergencyfood!phone=Tyneside Foodbank Emergency Line',
    ],
    'A network of foodbanks run by volunteers from local churches and community groups.',
  ),
  o('Gateshead Food Bank Partnership', 'felling', 'charity', [
    'foodbank@felling=Felling Food Bank',
    'foodbank@dunston=Dunston Food Bank',
    'foodbank@birtley=Birtley Food Bank',
  ]),
  o('Elswick Community Pantry CIC', 'elswick', 'cic', ['pantry@elswick=Elswick Community Pantry', 'cooking@elswick']),
  o('Byker Larder Co-operative', 'byker', 'cic', ['pantry@byker', 'meal@byker']),
  o('Bensham Kitchen Collective', 'bensham', 'group', ['meal@bensham', 'pantry@bensham', 'cooking@bensham']),
  o('Walker Parish Church', 'walker', 'church', ['foodbank@walker=Walker Foodbank', 'social@walker=Walker Coffee Morning']),
  o('Lemington Methodist Church', 'lemington', 'church', ['foodbank@lemington=Lemington Food Bank', 'baby@lemington']),
  o('Jackson Street Community Church', 'gateshead', 'church', ['meal@gateshead', 'foodhub@gateshead']),
  o('Blaydon Community Partnership', 'blaydon', 'community', ['foodhub@blaydon', 'social@blaydon', 'jobclub@blaydon']),

  // ---- Housing ---------------------------------------------------------------------------
  o(
    'Tyne Homeless Partnership',
    'city',
    'charity',
    ['homeless@city=The Arches Day Centre', 'nightshelter@city', 'housingline!phone=Tyneside Emergency Housing Line', 'tenancy@city'],
    'A partnership of charities working to end rough sleeping in Newcastle.',
  ),
  o('Gateshead Housing Help', 'gateshead', 'charity', [
    {
      s: 'housingadvice@gateshead=Gateshead Housing Options Hub',
      cats: ['housing'],
      what: [
        'One place for help with anything to do with your home: renting, repairs, rent arrears, applying for social housing and homelessness.',
        'Housing advisers, a tenancy support worker and a council housing officer are all based here.',
      ],
    },
    'tenancy@felling',
    'homeless@gateshead',
  ]),

  // ---- Work and learning --------------------------------------------------------------------
  o('Newcastle Volunteer Hub', 'city', 'charity', ['volunteer@city', 'worklearn@city']),
  o('Gateshead Volunteering Hub', 'gateshead', 'charity', ['volunteer@gateshead']),
  o('Tyne Skills Trust', 'benwell', 'charity', ['jobclub@benwell', 'learning@benwell', 'jobclub!online=Online Job Club', 'digihelp@benwell']),
  o('Heaton Learning Exchange', 'heaton', 'group', ['learning@heaton', 'writing#writing@heaton']),

  // ---- Mental health -----------------------------------------------------------------------
  o(
    'Newcastle Talking Space',
    'jesmond',
    'charity',
    ['counselling@jesmond', 'counselling@city', 'bcounsel@jesmond', 'counselling!online=Talking Space Online Counselling'],
    'A counselling charity offering affordable therapy to people on low incomes.',
  ),
  o('Gateshead Listening Service', 'lowfell', 'charity', ['counselling@lowfell', 'counselling@birtley']),
  o('Open Minds North East', 'city', 'charity', [
    'mhdropin@city',
    'peer#voices@city',
    'wellbeingcourse@city',
    'wellbeingcourse!online=Stress Less Online',
    'peer!online=Open Minds Online Peer Group',
  ]),
  o('Men Talk Tyneside', 'byker', 'group', ['peer#men@byker', 'peer#men@felling', 'peer#men@whickham']),
  o('Gateshead Wellbeing Hub', 'gateshead', 'charity', ['mhdropin@gateshead', 'wellbeingcourse@gateshead', 'creative@gateshead']),

  // ---- Bereavement ----------------------------------------------------------------------
  o('Fell Road Methodist Church', 'lowfell', 'church', ['bcafe@lowfell=Low Fell Bereavement Café', 'social@lowfell=Fell Road Friendship Group']),
  o('Tyneside Bereavement Service', 'city', 'charity', [
    'bcounsel@city',
    'bcafe@gosforth',
    'bcafe!online=Bereavement Support Online',
    'bline!phone=Tyneside Bereavement Helpline',
  ]),

  // ---- Befriending and social groups --------------------------------------------------------
  o(
    'Tyne Befriending',
    'city',
    'charity',
    ['befriend@city=Tyne Befriending Home Visits', 'phonebefriend!phone=Telephone Friends', 'befriend@walker'],
    'A befriending charity matching volunteers with older people across Newcastle.',
  ),
  o('Gateshead Good Neighbours', 'felling', 'charity', ['goodneighbours@felling', 'phonebefriend!phone=Gateshead Chatterbox Calls', 'befriend@whickham']),
  o('Age Friendly Gosforth', 'gosforth', 'group', [
    'social#over60@gosforth=Gosforth Over 60s Social Club',
    'gentle@gosforth=Gosforth Seated Exercise',
    'digihelp@gosforth=Tea and Tablets – Gosforth',
  ]),
  o("Walker Men's Shed", 'walker', 'group', ["shed@walker=Walker Men's Shed"]),
  o("Blaydon Men's Shed", 'blaydon', 'group', ["shed@blaydon=Blaydon Men's Shed"]),
  o('Fenham Shed and Workshop', 'fenham', 'group', ['shed@fenham=Fenham Community Shed']),
  o('Birtley Community Shed', 'birtley', 'group', ['shed@birtley=The Birtley Shed', 'garden@birtley']),
  o('Tyne Rainbow Connect', 'city', 'charity', [
    {
      s: 'social@city=LGBTQ+ Over 50s Social',
      what: [
        'A relaxed social group for lesbian, gay, bisexual, trans and queer people aged 50 and over.',
        'We meet for coffee, trips to the theatre and the odd walk along the quayside.',
      ],
      who: ['For LGBTQ+ people aged 50 and over, and anyone questioning.'],
      ages: [50, null],
    },
    {
      s: 'peer@city=Trans Peer Support Group',
      what: [
        'A peer support group for trans and non-binary adults, run by trans volunteers.',
        'Share experiences, get information about health services and meet people who understand.',
      ],
    },
  ]),
  o('Tyneside Deaf Social Club', 'city', 'group', [
    {
      s: 'social@city=Deaf Social Club',
      what: [
        'A social club for Deaf people who use British Sign Language, with quizzes, games and guest speakers.',
        'Hearing people learning BSL are welcome too.',
      ],
      langs: ['bfi'],
    },
  ]),
  o('Spectrum Social Tyneside', 'gateshead', 'cic', [
    {
      s: 'social@gateshead=Autistic Adults Social',
      what: [
        'A calm, structured social group for autistic adults, with board games, films and a quiet room.',
        'The group is run by autistic people, and there is no pressure to chat.',
      ],
      who: ['For autistic adults aged 18 and over, diagnosed or self-identifying.'],
      ages: [18, null],
    },
    'peer!online=Spectrum Online Peer Group',
  ]),
  o('Friends Together Gateshead', 'lowfell', 'charity', [
    {
      s: 'social@lowfell=Friends Together Disco Club',
      at: { freq: 'MONTHLY', byday: '-1FR', opens_at: '19:00', closes_at: '21:30' },
      what: [
        'A monthly disco and social evening for adults with learning disabilities, with music, dancing and a tuck shop.',
        'Support workers and family members are welcome to come too.',
      ],
      who: ['For adults aged 18 and over with a learning disability.'],
      ages: [18, null],
    },
    'art@lowfell=Friends Together Art Club',
  ]),
  o('Tyne Veterans Breakfast Club', 'gateshead', 'group', [
    {
      s: 'social@gateshead=Veterans Breakfast Club – Gateshead',
      at: { byday: 'SA', opens_at: '09:00', closes_at: '11:00' },
      what: [
        'A breakfast get-together for armed forces veterans and their families, over a full English and a brew.',
        'Swap stories with people who have served, and find out about support for veterans.',
      ],
      who: ['For anyone who has served in the armed forces, whatever their age or length of service.'],
    },
    {
      s: 'social@gosforth=Veterans Breakfast Club – Gosforth',
      at: { freq: 'MONTHLY', byday: '1SA', opens_at: '09:00', closes_at: '11:00' },
      what: [
        'A monthly breakfast for veterans of all ages, with a speaker from a veterans charity now and then.',
        'Families and widows of veterans are welcome too.',
      ],
      who: ['For veterans of any service and their families.'],
    },
  ]),
  o('Tyneside Chinese Elders Group', 'city', 'group', [
    {
      s: 'social@city=Chinese Elders Lunch Club',
      at: { byday: 'WE', opens_at: '11:30', closes_at: '14:00' },
      what: [
        'A weekly lunch club for older Chinese people, with a hot meal, mahjong and health talks.',
        'Volunteers can help with letters and phone calls in Cantonese and Mandarin.',
      ],
      ages: [55, null],
      langs: ['yue', 'zh'],
    },
    'gentle#taichi@city=Tai Chi for Elders',
  ]),
  o("Sangam Women's Group", 'elswick', 'group', [
    {
      s: "social@elswick=Sangam Women's Group",
      what: [
        'A group for South Asian women to meet, share food and take part in activities such as sewing, yoga and trips.',
        'Talks on health, money and rights are held in Urdu, Punjabi and Bengali as well as English.',
      ],
      langs: ['ur', 'pa', 'bn'],
    },
    'walking@elswick=Sangam Walking Group',
  ]),

  // ---- Physical activity -------------------------------------------------------------------
  o('Active Newcastle Walks', 'city', 'charity', [
    'walking@heaton=Heaton Walking for Health',
    'walking@gosforth',
    'walking@westerhope',
    'walking@walker',
    'walking@newburn=Newburn Riverside Walk',
  ]),
  o('Gateshead Health Walks', 'gateshead', 'group', [
    'walking@lowfell',
    'walking@whickham',
    'walking@ryton',
    'walking@rowlands=Derwent Valley Health Walk',
    'walking@felling',
  ]),
  o('Tyne Walking Football', 'kenton', 'group', ['sport#football@kenton', 'sport#football@dunston']),
  o('Inclusive Cycling Tyneside', 'newburn', 'charity', ['sport#cycling@newburn']),
  o('Splash Together CIC', 'city', 'cic', ['swim#women@city', 'swim#aqua@gateshead', 'swim#lessons@fenham']),
  o('Chair Fit North', 'benwell', 'cic', ['gentle@benwell', 'gentle@blakelaw', 'gentle@bensham', 'gentle!online=Chair Fit Online']),
  o('Tai Chi by the Tyne', 'jesmond', 'group', ['gentle#taichi@jesmond']),
  o('Active Ageing Gateshead', 'whickham', 'charity', ['active@whickham', 'active@lowfell']),
  o('Ping Tyneside', 'byker', 'group', ['sport#tabletennis@byker', 'sport#tabletennis@gateshead']),
  o('Jesmond Joggers', 'jesmond', 'group', ['sport#running@jesmond']),
  o('Move It Gateshead', 'felling', 'cic', ['gentle#dance@felling', 'active@felling']),
  o('Calm Yoga Tyneside', 'gosforth', 'cic', ['gentle#yoga@gosforth', 'gentle#yoga!online=Online Chair Yoga']),
  o('Heaton Shuttlers', 'heaton', 'group', ['sport#badminton@heaton']),

  // ---- Arts -----------------------------------------------------------------------------
  o('Ouseburn Open Studio', 'byker', 'cic', ['art@byker', 'creative@byker']),
  o('Gateshead Arts for Wellbeing', 'gateshead', 'charity', ['art@gateshead', 'creative@felling', 'art#craft@birtley']),
  o('Tyne Community Choirs', 'heaton', 'charity', ['choir@heaton', 'choir@lowfell', 'choir!online=Tyne Choirs Online']),
  o('Sing and Remember North East', 'gosforth', 'charity', ['choir#memory@gosforth', 'choir#memory@whickham']),
  o('West End Writers', 'fenham', 'group', ['writing#writing@fenham', 'writing#writing!online=West End Writers Online']),
  o('Jesmond Library Friends', 'jesmond', 'group', ['writing#reading@jesmond']),
  o('Kenton Readers', 'kenton', 'group', ['writing#reading@kenton']),
  o('Whickham Knitters', 'whickham', 'group', ['social#knit@whickham']),
  o('Heaton Clay', 'heaton', 'cic', ['art#pottery@heaton']),
  o('Byker Ukulele Collective', 'byker', 'group', ['choir#uke@byker']),

  // ---- Nature ----------------------------------------------------------------------------
  o('Benwell Community Garden', 'benwell', 'group', ['garden@benwell=Benwell Community Garden']),
  o('Walker Growing Project', 'walker', 'charity', ['garden@walker=Walker Growing Project', 'cooking@walker']),
  o('Friends of the Derwent Valley', 'rowlands', 'group', ['conservation@rowlands']),
  o('Tyne Riverbank Volunteers', 'newburn', 'group', ['conservation@newburn', 'conservation@lemington']),
  o('Ouseburn Valley Conservation Volunteers', 'jesmond', 'group', ['conservation@jesmond']),
  o('Green Prescription Gateshead', 'whickham', 'charity', ['green@whickham', 'green@ryton']),
  o('Chillingham Growers', 'heaton', 'group', ['garden@heaton']),
  o('Saltwell Growers', 'bensham', 'group', ['garden@bensham', 'conservation@bensham']),

  // ---- Digital ---------------------------------------------------------------------------
  o('Get Online Newcastle', 'city', 'charity', ['digihelp@city', 'digihelp@kenton', 'devices@city', 'digital!online=Digital Confidence Online']),
  o('Gateshead Digital Inclusion', 'gateshead', 'charity', ['digihelp@felling', 'devices@gateshead', 'digital@dunston']),

  // ---- Carers ------------------------------------------------------------------------------
  o('Newcastle Carers Network', 'city', 'charity', ['carers@city', 'carers@fenham', 'respite@city', 'carersline!phone=Newcastle Carers Line']),
  o('Gateshead Carers Together', 'gateshead', 'charity', [
    'carers@gateshead=Gateshead Carers Café',
    'carers!online=Carers Online Meet-up',
    'respite@lowfell',
    'carersline!phone=Gateshead Carers Advice Line',
  ]),
  o('Young Carers Gateshead', 'felling', 'charity', ['youngcarers@felling', 'youngcarers@blaydon']),

  // ---- Long-term conditions -----------------------------------------------------------------
  o('Tyne Diabetes Support Group', 'gosforth', 'group', ['diabetes@gosforth', 'diabetes!online=Type 2 Together Online']),
  o('Better Breathing Tyneside', 'heaton', 'charity', ['lungs@heaton', 'lungs@gateshead', 'lungs#sing@blaydon']),
  o('Living with Pain Tyneside', 'city', 'charity', ['pain@city', 'pain!online=Living with Pain Online']),
  o('Forget-me-not Memory Cafés', 'lowfell', 'charity', [
    'memory@lowfell',
    'memory@whickham',
    'memory@kenton',
    {
      s: 'memory!phone=Forget-me-not Dementia Advice Line',
      cats: ['carer-support'],
      what: [
        'Talk to a dementia adviser about memory worries, getting a diagnosis, or caring for someone living with dementia.',
        "Advisers can explain what help there is locally, from memory cafés to day centres and carers' breaks.",
      ],
      who: ['For people living with dementia, their families and anyone worried about their memory.'],
    },
  ]),
  o('Tyne Cancer Support Centre', 'city', 'charity', ['cancer@city', 'cancer@gateshead', 'cancer!online=Cancer Support Online Group']),
  o('Stroke Survivors Club Tyneside', 'westerhope', 'group', ['stroke@westerhope', 'stroke@dunston']),
  o('Living Well Tyneside', 'city', 'charity', ['ltc@city', 'ltc!online=Living Well Online', 'healthtrainer@benwell']),
  o("Moving Well with Parkinson's Tyneside", 'gosforth', 'group', ['ltc#parkinsons@gosforth']),
  o('Heart Friends Gateshead', 'lowfell', 'group', ['lungs#heart@lowfell']),
  o('Ryton Dementia Friendly Community', 'ryton', 'group', ['memory@ryton']),

  // ---- Alcohol and drugs ---------------------------------------------------------------------
  o('Tyneside Recovery Community', 'city', 'charity', ['recovery@city', 'recovery@gateshead', 'recovery!online=Online Recovery Meeting', 'alcohol@byker']),
  o('New Leaf Substance Support', 'city', 'charity', ['drugs@city', 'alcohol@city', 'drugline!phone=New Leaf Advice Line']),
  o('Fresh Start Gateshead', 'gateshead', 'charity', ['drugs@gateshead', 'alcohol@felling']),

  // ---- Families and young people -----------------------------------------------------------
  o('Tyne Families Together', 'walker', 'charity', ['familyhub@walker', 'parenting@walker', 'baby@walker']),
  o('Bensham Family Centre', 'bensham', 'charity', ['baby@bensham', 'parenting#dads@bensham', 'familyhub@bensham']),
  o('Heaton Bumps and Babies', 'heaton', 'group', ['baby@heaton']),
  o('Parents Talk Tyneside', 'city', 'charity', [
    'parenting!online=Positive Parenting Online',
    {
      s: 'parenting!phone=Parents Talk Helpline',
      what: [
        'A friendly helpline for parents and carers who are finding things hard, whether it is sleepless nights, tantrums, teenagers or just feeling worn out.',
        'Parent advisers listen, suggest ideas that work and can tell you about groups and courses near you.',
      ],
      who: ['For parents, grandparents and anyone bringing up a child or teenager.'],
    },
  ]),
  o('West End Youth Project', 'benwell', 'charity', ['youth@elswick', 'youth@denton']),
  o('Gateshead Youth Network', 'felling', 'charity', [
    'youth@felling',
    'youth@whickham',
    {
      s: 'youth!online=Youth Chat Online',
      what: [
        'A safe online chat with trained youth workers for young people who want to talk about anything on their mind.',
        'Chats are one to one and confidential, and you do not have to give your name.',
      ],
      who: ['For young people aged 11 to 25 in Gateshead.'],
      ages: [11, 25],
    },
  ]),
  o('Blaydon Youth Theatre', 'blaydon', 'group', ['youth#theatre@blaydon']),
  o('Grandparents Raising Grandchildren Tyneside', 'gateshead', 'group', ['parenting#kinship@gateshead']),

  // ---- Advocacy ------------------------------------------------------------------------------
  o('Tyneside Advocacy Project', 'city', 'charity', [
    'advocacy@city',
    {
      s: 'advocacy!phone=Advocacy Advice Line',
      what: [
        'Phone for advice about advocacy: what an advocate can do, whether you are entitled to one and how to get one.',
        'We can take a referral over the phone and arrange for an advocate to contact you.',
      ],
    },
    'advocacy@gateshead',
  ]),
  o('Tyneside Community Law Centre', 'elswick', 'charity', ['legal@elswick', 'legal@gateshead']),

  // ---- Health ------------------------------------------------------------------------------
  o('Tyne Sexual Health Outreach', 'city', 'health', [
    'sexual@city',
    'sexual@gateshead',
    {
      s: 'sexual!online=Free Test Kits by Post',
      sched: 'office',
      what: [
        'Order a free, confidential test kit for chlamydia, gonorrhoea, HIV and syphilis online, and send it back by post.',
        'Results come by text within a week, and a nurse will ring you if you need treatment.',
        'You can also order free condoms.',
      ],
      who: ['For anyone aged 16 and over living in Newcastle or Gateshead.'],
    },
  ]),
  o('Quit Together Tyneside', 'city', 'health', ['smoking@city', 'smoking@felling', 'smoking!phone=Quit Together Phone Support']),
  o('Healthy Weight Tyneside', 'heaton', 'cic', ['weight@heaton', 'weight@bensham', 'weight!online=Eat Well, Move More Online']),
  o('Tyneside Sight and Hearing Support', 'jesmond', 'charity', ['sight#sight@jesmond', 'sight#hearing@gateshead']),
  o('Gateshead Health Trainers', 'gateshead', 'health', ['healthtrainer@gateshead', 'healthtrainer@birtley']),

  // ---- Neighbourhood community associations and churches -----------------------------------
  o('Heaton Community Association', 'heaton', 'community', ['social@heaton', 'digihelp@heaton', 'art@heaton']),
  o('Byker Neighbourhood Centre', 'byker', 'community', ['meal@byker', 'social#over60@byker', 'advice@byker']),
  o('Walker Riverside Community Centre', 'walker', 'community', ['meal@walker', 'youth@walker', 'social@walker']),
  o('Elswick Neighbourhood Forum', 'elswick', 'community', ['social@elswick', 'garden@elswick']),
  o('Benwell Lane Church', 'benwell', 'church', ['meal@benwell', 'social@benwell']),
  o('Fenham Community Hall Association', 'fenham', 'community', ['art#craft@fenham', 'gentle@fenham', 'baby@fenham']),
  o('Acorn Road Community Group', 'jesmond', 'community', ['social@jesmond', 'baby@jesmond']),
  o('Gosforth Neighbours Network', 'gosforth', 'community', ['goodneighbours@gosforth', 'meal@gosforth']),
  o('Kenton Bar Community Project', 'kenton', 'community', ['meal@kenton', 'youth@kenton', 'social#over60@kenton']),
  o('Westerhope Village Association', 'westerhope', 'community', ['social@westerhope', 'art@westerhope']),
  o('Denton Burn Community Association', 'denton', 'community', ['social@denton', 'gentle#balance@denton', 'meal@denton']),
  o('Blakelaw Together', 'blakelaw', 'community', ['pantry@blakelaw', 'social@blakelaw', 'youth@blakelaw']),
  o('Lemington Riverside Community Group', 'lemington', 'community', ['social@lemington', 'art@lemington']),
  o('Newburn Village Trust', 'newburn', 'community', ['gentle@newburn', 'social#over60@newburn']),
  o('Low Fell Community Association', 'lowfell', 'community', ['art@lowfell', 'baby@lowfell', 'digihelp@lowfell']),
  o('Felling Square Community Hub', 'felling', 'community', ['meal@felling', 'social@felling', 'jobclub@felling']),
  o('Dunston Riverside Community Association', 'dunston', 'community', ['social@dunston', 'youth@dunston', 'meal@dunston']),
  o('Whickham Front Street Church', 'whickham', 'church', ['social@whickham', 'meal@whickham']),
  o('Birtley Community Partnership', 'birtley', 'community', ['meal@birtley', 'social#over60@birtley', 'baby@birtley']),
  o('Ryton Village Community Association', 'ryton', 'community', ['social@ryton', 'art@ryton', 'garden@ryton']),
  o('Rowlands Gill Community Group', 'rowlands', 'community', ['social@rowlands', 'gentle@rowlands']),
  o('Denton Burn Baptist Church', 'denton', 'church', ['baby@denton', 'bcafe@denton']),
  o("St Hilda's Parish, Jesmond", 'jesmond', 'church', ['meal@jesmond', 'memory@jesmond']),
  o('Kenton Methodist Church', 'kenton', 'church', ['foodbank@fenham', 'bcafe@kenton']),
  o('Westerhope Baptist Church', 'westerhope', 'church', ['baby@westerhope', 'meal@westerhope']),
  o('Gosforth Quakers', 'gosforth', 'church', ['peer@gosforth']),
  o('Blakelaw and North Fenham Residents', 'blakelaw', 'community', ['costofliving@blakelaw', 'walking@blakelaw']),
  o('Dunston Hill Church', 'dunston', 'church', ['costofliving@dunston', 'baby@dunston']),
  o('Felling Methodist Church', 'felling', 'church', ['memory@felling', 'social#knit@felling']),
  o('Birtley Age Concern Group', 'birtley', 'group', ['gentle@birtley', 'phonebefriend!phone=Birtley Friendly Phone Calls']),
  o('Lemington Youth Partnership', 'lemington', 'charity', ['youth@lemington']),
  o('Newburn Anglers and Riverside Club', 'newburn', 'group', [
    {
      s: 'shed@newburn=Newburn Riverside Shed',
      what: [
        'A riverside workshop where members repair fishing tackle, build bird boxes and restore old bikes.',
        'There is a fishing trip for anyone who wants one on the last Saturday of the month.',
      ],
    },
  ]),
  o('Whickham Community Garden Trust', 'whickham', 'group', ['garden@whickham']),
  o('Ryton Library Friends', 'ryton', 'group', ['writing#reading@ryton', 'digihelp@ryton']),
  o('Rowlands Gill Walkers', 'rowlands', 'group', ['walking@rowlands']),
  o('Gateshead Interfaith Forum', 'bensham', 'charity', [{ s: 'social@bensham=Bensham Interfaith Lunch', sched: 'lunch' }]),
  o('Heaton Mosque Community Association', 'heaton', 'community', [
    { s: 'esol@heaton=Heaton English Conversation Club', langs: ['ar', 'ur', 'bn'] },
    {
      s: 'social@heaton=Heaton Community Iftar and Lunch Club',
      at: { byday: 'FR', opens_at: '12:30', closes_at: '14:30', description: 'During Ramadan this becomes an evening iftar meal at sunset' },
      what: [
        'A weekly community lunch open to neighbours of every faith and none, with a special iftar meal during Ramadan.',
        'Volunteers cook dishes from across the world, and everyone sits down together.',
      ],
    },
  ]),
  o('Elswick Refugee Welcome', 'elswick', 'charity', [
    { s: 'immigration@elswick=Elswick Refugee Welcome Drop-in', langs: ['ar', 'ti', 'ku', 'fa'] },
    'esol@elswick',
  ]),
];
