// Word lists for the benchmark's synthetic directory: places, organisations, activity names and
// sentences per category, so that text searches hit a realistic share of services.

export const PLACES = [
  'Heaton', 'Byker', 'Walker', 'Jesmond', 'Gosforth', 'Fenham', 'Benwell', 'Elswick', 'Wingrove', 'Arthur\'s Hill',
  'Kenton', 'Fawdon', 'Denton', 'Westerhope', 'Lemington', 'Newburn', 'Throckley', 'Walkergate', 'Shieldfield', 'Sandyford',
  'Felling', 'Dunston', 'Whickham', 'Ryton', 'Blaydon', 'Winlaton', 'Birtley', 'Pelaw', 'Heworth', 'Wrekenton',
  'Low Fell', 'Saltwell', 'Bensham', 'Deckham', 'Leam Lane', 'Chopwell', 'Crawcrook', 'Lobley Hill', 'Teams', 'Sheriff Hill',
  'Wallsend', 'Howdon', 'Willington Quay', 'North Shields', 'Tynemouth', 'Cullercoats', 'Whitley Bay', 'Monkseaton', 'Killingworth', 'Longbenton',
  'Forest Hall', 'Benton', 'Jarrow', 'Hebburn', 'South Shields', 'Boldon', 'Cleadon', 'Whitburn', 'Washington', 'Sunderland',
  'Hendon', 'Roker', 'Southwick', 'Pennywell', 'Hylton', 'Seaham', 'Houghton', 'Hetton', 'Chester-le-Street', 'Stanley',
  'Consett', 'Durham', 'Bishop Auckland', 'Spennymoor', 'Peterlee', 'Hexham', 'Prudhoe', 'Cramlington', 'Blyth', 'Ashington',
  'Morpeth', 'Bedlington', 'Alnwick', 'Amble', 'Berwick', 'Haltwhistle', 'Corbridge', 'Ponteland', 'Seaton Delaval', 'Seghill',
  'Castle Vale', 'Handsworth', 'Moseley', 'Sparkbrook', 'Erdington', 'Kings Heath', 'Selly Oak', 'Bordesley Green', 'Small Heath', 'Acocks Green',
  'Harehills', 'Chapeltown', 'Beeston', 'Armley', 'Bramley', 'Headingley', 'Seacroft', 'Gipton', 'Hunslet', 'Holbeck',
  'Moss Side', 'Hulme', 'Levenshulme', 'Gorton', 'Longsight', 'Wythenshawe', 'Openshaw', 'Ancoats', 'Cheetham Hill', 'Chorlton',
  'Toxteth', 'Everton', 'Anfield', 'Kirkdale', 'Walton', 'Bootle', 'Croxteth', 'Speke', 'Garston', 'Wavertree',
  'Easton', 'Bedminster', 'Southmead', 'Hartcliffe', 'Knowle West', 'Lawrence Hill', 'St Pauls', 'Fishponds', 'Lockleaze', 'Withywood',
];

export const PLACE_QUALIFIERS = ['', '', '', '', '', 'North ', 'South ', 'East ', 'West ', 'Upper ', 'Lower ', 'Old ', 'New '];
export const PLACE_SUFFIXES = ['', '', '', '', '', '', ' Village', ' Green', ' Park', ' Estate', ' Central', ' Moor'];

export const ORG_PATTERNS = [
  '{p} Community Association', '{p} Methodist Church', 'St Mary\'s Church, {p}', 'St Michael\'s, {p}', 'Friends of {p} Park',
  '{p} Council for Voluntary Service', 'Age UK {p}', '{p} Mind', 'Citizens Advice {p}', '{p} Carers Centre',
  '{p} Community Trust', '{p} Library', '{p} Leisure Centre', '{p} Baptist Church', '{p} Development Trust',
  '{p} Wellbeing Network', '{p} Residents Association', '{p} Youth Project', '{p} Family Hub', '{p} Mosque',
  '{p} Gurdwara', '{p} Salvation Army', '{p} Neighbourhood Centre', '{p} Allotment Society', '{p} Food Partnership',
  '{p} Arts Collective', '{p} Men\'s Shed', '{p} Recovery Network', '{p} Health Trainers', '{p} Primary Care Network',
  'The {p} Centre', '{p} Tenants Federation', '{p} Rotary Club', '{p} Women\'s Institute', '{p} Refugee Welcome',
];

export const ORG_DESCRIPTIONS = [
  'A small local charity run by and for people in {p}.',
  'We have worked in {p} for over twenty years, running groups, advice and activities.',
  'A community organisation that brings neighbours in {p} together.',
  'Our volunteers offer friendly, practical help to anyone who lives or works in {p}.',
  'A registered charity supporting older people, carers and families across {p}.',
  'We run the community building in {p} and host many local groups.',
];

export const VENUES = [
  'Church Hall', 'Community Centre', 'Library', 'Leisure Centre', 'Family Hub', 'Methodist Hall', 'Scout Hut',
  'Village Hall', 'Youth Centre', 'Health Centre', 'Sports Pavilion', 'Allotments', 'Park Pavilion', 'Miners\' Welfare',
  'Mosque Community Room', 'Working Men\'s Club', 'Arts Centre', 'Neighbourhood Centre', 'Children\'s Centre', 'Cricket Club',
];

export const STREETS = [
  'High Street', 'Station Road', 'Church Lane', 'Chillingham Road', 'Shields Road', 'Front Street', 'Victoria Road', 'Park Avenue',
  'Westgate Road', 'Durham Road', 'Coast Road', 'Albert Street', 'Chester Road', 'Market Place', 'Mill Lane', 'North Road',
  'Queen Street', 'King Street', 'Elm Grove', 'Beech Avenue', 'Hawthorn Terrace', 'Prospect Place', 'Bath Street', 'Union Road',
];

export const FUNDERS = [
  'National Lottery Community Fund', 'City Council', 'Integrated Care Board', 'Children in Need', 'Comic Relief',
  'Community Foundation', 'Local Trust', 'Sport England', 'Arts Council England', 'Public Health grant', 'Housing association',
  'Household Support Fund', 'Garfield Weston Foundation', 'Henry Smith Charity', 'Lloyds Bank Foundation',
];

/** Activity names (used in service names) and sentences (used in descriptions) for each leaf category. */
export interface CategoryWords {
  activities: string[];
  sentences: string[];
  /** How common the category is, relative to 1. */
  weight?: number;
}

export const CATEGORY_WORDS: Record<string, CategoryWords> = {
  'benefits-advice': {
    activities: ['Benefits Advice', 'Welfare Rights Service', 'Benefits Drop-in', 'Universal Credit Help', 'PIP Support'],
    sentences: ['We help you check what benefits you are entitled to and fill in the forms.', 'Advisers can help with Universal Credit, PIP and appeals.', 'Bring any letters you have had from the DWP.'],
  },
  'debt-advice': {
    activities: ['Debt Advice', 'Money Advice Service', 'Debt Clinic', 'Money Matters', 'Debt Help Line'],
    sentences: ['Free, confidential debt advice from trained advisers.', 'We can talk to the people you owe money to and help stop bailiffs.', 'If bills are piling up, talking it through early really helps.'],
  },
  'budgeting': {
    activities: ['Money Skills Course', 'Budgeting Workshop', 'Make Your Money Go Further', 'Money Mentors'],
    sentences: ['A friendly course on planning a budget and making money last to the end of the month.', 'Learn about bank accounts, saving and avoiding high-cost loans.'],
  },
  'grants-and-emergency-funds': {
    activities: ['Hardship Fund', 'Community Grants Scheme', 'Winter Support Fund', 'Essentials Fund'],
    sentences: ['One-off grants for essentials such as furniture, white goods and school uniform.', 'Apply through a support worker or come and see us.'],
  },
  'energy-bills': {
    activities: ['Warm Space', 'Energy Advice Service', 'Keep Warm Project', 'Fuel Bank'],
    sentences: ['A warm, welcoming space with free hot drinks during the winter months.', 'Energy advisers can help with prepayment meters, gas and electric bills.'],
    weight: 1.5,
  },
  'food-banks': {
    activities: ['Food Bank', 'Foodbank', 'Food Parcel Service', 'Community Food Bank'],
    sentences: ['Emergency food parcels for people in crisis, with a voucher from a referral partner.', 'Our food bank gives three days of nutritionally balanced food.', 'We can also help you get advice about what led you to need food.'],
    weight: 2,
  },
  'community-meals': {
    activities: ['Lunch Club', 'Community Café', 'Pay As You Feel Café', 'Community Supper', 'Soup Kitchen'],
    sentences: ['A hot two-course meal served every week, cooked by volunteers.', 'Come for lunch and a chat; everyone eats together.', 'Our community café serves affordable home-cooked food.'],
    weight: 2,
  },
  'community-pantries': {
    activities: ['Community Pantry', 'Food Club', 'Social Supermarket', 'Community Fridge', 'Larder'],
    sentences: ['Members pay a small weekly fee and choose groceries worth much more.', 'Surplus food shared free with anyone who needs it, so nothing goes to waste.'],
    weight: 1.5,
  },
  'cooking-skills': {
    activities: ['Cook and Eat', 'Cookery Class', 'Family Cooking Club', 'Cooking on a Budget'],
    sentences: ['Learn to cook simple, healthy meals on a budget and take home what you make.', 'Recipes use cheap, easy-to-find ingredients.'],
  },
  'homelessness-support': {
    activities: ['Homeless Drop-in', 'Outreach Service', 'Day Centre', 'Street Support'],
    sentences: ['Showers, laundry, hot food and advice for people who are homeless or sleeping rough.', 'Outreach workers can help you find somewhere safe to stay.'],
  },
  'housing-advice': {
    activities: ['Housing Advice', 'Housing Options Drop-in', 'Tenants Advice Service'],
    sentences: ['Advice if you are being evicted, have rent arrears or your landlord will not do repairs.', 'We can help with damp, mould and disrepair problems.'],
  },
  'tenancy-support': {
    activities: ['Tenancy Support', 'Floating Support', 'New Tenancy Project'],
    sentences: ['A support worker helps you keep your home, pay bills and settle in.'],
  },
  'employment-support': {
    activities: ['Job Club', 'Work Club', 'Employment Support', 'Back to Work Programme', 'CV Workshop'],
    sentences: ['Help with CVs, job searching and interview practice.', 'One-to-one support to find work, training or an apprenticeship.'],
    weight: 1.5,
  },
  'adult-learning': {
    activities: ['Adult Learning', 'Community Classes', 'Maths for Adults', 'Reading and Writing Group'],
    sentences: ['Free courses for adults, from basic maths and English to qualifications.', 'Small, relaxed classes for people who want to learn something new.'],
  },
  'volunteering': {
    activities: ['Volunteer Centre', 'Volunteering Hub', 'Good Neighbours Scheme', 'Volunteer Drivers'],
    sentences: ['Find a volunteering role that suits you, from gardening to driving.', 'Volunteering is a great way to meet people and give something back.'],
    weight: 1.5,
  },
  'english-language': {
    activities: ['ESOL Class', 'English Conversation Club', 'English for Everyone', 'Language Café'],
    sentences: ['Free English classes for adults whose first language is not English.', 'Practise speaking English in a friendly conversation club.'],
  },
  'talking-therapies': {
    activities: ['Counselling Service', 'Talking Therapies', 'Listening Service', 'Low-cost Counselling'],
    sentences: ['Confidential counselling with a qualified counsellor.', 'Talk to someone about anxiety, depression, stress or low mood.'],
    weight: 1.5,
  },
  'peer-support': {
    activities: ['Peer Support Group', 'Mental Health Support Group', 'Hearing Voices Group', 'Anxiety Support Group', 'Recovery Café'],
    sentences: ['A friendly peer support group run by people with lived experience of mental health problems.', 'Share experiences and support each other in a safe space.'],
    weight: 2,
  },
  'wellbeing-courses': {
    activities: ['Wellbeing Course', 'Mindfulness Group', 'Stress Control', 'Confidence Course', 'Sleep Well Workshop'],
    sentences: ['A free six-week course on coping skills, sleep and managing stress.', 'Learn simple mindfulness and relaxation techniques.'],
    weight: 1.5,
  },
  'bereavement-support': {
    activities: ['Bereavement Café', 'Grief Café', 'Bereavement Support Group', 'Widows and Widowers Group', 'Coffee and Comfort'],
    sentences: ['A gentle group for anyone who has lost someone close to them.', 'Meet other bereaved people over tea and cake.', 'Our bereavement cafe is a relaxed place to talk or just listen.'],
  },
  'bereavement-counselling': {
    activities: ['Bereavement Counselling', 'Grief Counselling', 'Baby Loss Support', 'Suicide Bereavement Support'],
    sentences: ['One-to-one bereavement counselling with a trained volunteer counsellor.', 'Support after the death of a partner, parent, child or friend.'],
  },
  'befriending': {
    activities: ['Befriending Service', 'Telephone Friendship', 'Good Neighbours', 'Chatterbox Calls', 'Home Visiting Scheme'],
    sentences: ['A volunteer befriender visits or phones you every week for a chat.', 'For older people who feel lonely or cut off.'],
    weight: 2,
  },
  'social-groups': {
    activities: ['Coffee Morning', 'Social Club', 'Friendship Group', 'Over 50s Club', 'Tea and Chat', 'Community Drop-in', 'Knit and Natter'],
    sentences: ['A friendly social group where you can meet new people over a cuppa.', 'Games, quizzes, trips and good company.', 'Come along on your own, you will soon make friends.'],
    weight: 3,
  },
  'mens-sheds': {
    activities: ['Men\'s Shed', 'Community Shed', 'Woodwork Shed'],
    sentences: ['A workshop where men (and women) make, mend and chat.', 'Woodwork, repairs and tinkering in a friendly shed.'],
  },
  'walking-groups': {
    activities: ['Walking Group', 'Health Walks', 'Nordic Walking Club', 'Walk and Talk', 'Buggy Walks', 'Ramblers'],
    sentences: ['Short, friendly walks at an easy pace, led by trained walk leaders.', 'Our walks last about an hour and finish with a cuppa.', 'Health walks on flat paths, suitable for beginners.'],
    weight: 3,
  },
  'gentle-exercise': {
    activities: ['Chair Yoga', 'Tai Chi', 'Seated Exercise', 'Strength and Balance', 'Gentle Pilates', 'Falls Prevention Class'],
    sentences: ['Gentle, seated exercise to improve strength, balance and mobility.', 'Low-impact classes suitable for all abilities.'],
    weight: 2,
  },
  'sport-for-all': {
    activities: ['Walking Football', 'Walking Netball', 'Table Tennis Club', 'Bowls Club', 'Couch to 5K', 'Badminton Club', 'Cycling Club'],
    sentences: ['A relaxed, inclusive sports session for all ages and abilities.', 'No experience needed; equipment provided.'],
    weight: 1.5,
  },
  'swimming': {
    activities: ['Swimming Sessions', 'Aqua Aerobics', 'Learn to Swim', 'Women Only Swim', 'Quiet Swim'],
    sentences: ['Relaxed swimming sessions in a warm pool.', 'Aqua classes are gentle on the joints.'],
  },
  'arts-and-crafts': {
    activities: ['Craft Group', 'Art Class', 'Knit and Natter', 'Painting Group', 'Sewing Circle', 'Pottery Workshop', 'Creative Arts Group'],
    sentences: ['Try painting, drawing and crafts in a relaxed group; all materials provided.', 'Bring your knitting or crochet, or learn from scratch.', 'No artistic talent needed, just come and have a go.'],
    weight: 3,
  },
  'music-and-singing': {
    activities: ['Community Choir', 'Singing for the Brain', 'Ukulele Group', 'Sing for Your Lungs', 'Music Jam'],
    sentences: ['A friendly community choir, no auditions and no need to read music.', 'Singing together is good for breathing and mood.'],
    weight: 2,
  },
  'creative-writing': {
    activities: ['Writing Group', 'Book Club', 'Poetry Circle', 'Reading Group', 'Storytelling Café'],
    sentences: ['A relaxed writing group for poetry, stories and memoirs.', 'Read and talk about a book each month.'],
  },
  'gardening': {
    activities: ['Community Garden', 'Allotment Project', 'Growing Group', 'Therapeutic Gardening', 'Green Fingers Club'],
    sentences: ['Grow fruit and veg with others in our community garden.', 'Gardening sessions for all abilities, tools and gloves provided.'],
    weight: 2,
  },
  'conservation-volunteering': {
    activities: ['Green Gym', 'Litter Pick', 'Conservation Volunteers', 'Friends of the Park'],
    sentences: ['Outdoor conservation work: tree planting, path mending and wildlife surveys.', 'Get fresh air and exercise while looking after local green spaces.'],
  },
  'digital-help': {
    activities: ['Digital Drop-in', 'Computer Club', 'Tech Help Café', 'Get Online Sessions', 'Smartphone Help'],
    sentences: ['Help using smartphones, tablets and computers, at your own pace.', 'Learn to use email, video calls and the NHS App.'],
    weight: 2,
  },
  'devices-and-data': {
    activities: ['Device Bank', 'Free SIM Scheme', 'Data Bank', 'Tech Lending Library'],
    sentences: ['Free refurbished laptops and tablets, and free mobile data for people who need it.'],
  },
  'carer-support': {
    activities: ['Carers Group', 'Carers Café', 'Young Carers Club', 'Carers Support Service'],
    sentences: ['Support, information and a break for unpaid carers.', 'Meet other carers who understand what you are going through.'],
    weight: 2,
  },
  'respite-breaks': {
    activities: ['Respite Service', 'Day Centre', 'Sitting Service', 'Short Breaks'],
    sentences: ['Someone sits with the person you care for, so you can have a break.'],
  },
  'diabetes': {
    activities: ['Diabetes Support Group', 'Diabetes Education Course', 'Type 2 Together'],
    sentences: ['Learn about managing type 2 diabetes, food and blood sugar.'],
  },
  'heart-and-lung': {
    activities: ['Breathe Easy Group', 'Cardiac Rehab Club', 'Long Covid Support', 'Heart Support Group'],
    sentences: ['Support and gentle exercise for people with COPD, asthma or heart conditions.'],
  },
  'chronic-pain': {
    activities: ['Pain Management Group', 'Arthritis Support Group', 'Fibromyalgia Group'],
    sentences: ['Tips and support for living well with persistent pain or arthritis.'],
  },
  'dementia': {
    activities: ['Memory Café', 'Dementia Support Group', 'Singing for the Brain', 'Dementia Carers Café'],
    sentences: ['A welcoming memory cafe for people living with dementia and their carers.', 'Activities, music and support for people with memory loss.'],
    weight: 1.5,
  },
  'cancer-support': {
    activities: ['Cancer Support Group', 'Macmillan Drop-in', 'Living With Cancer Café'],
    sentences: ['Support for anyone affected by cancer, during or after treatment.'],
  },
  'stroke': {
    activities: ['Stroke Club', 'Aphasia Café', 'Stroke Support Group'],
    sentences: ['A friendly club for stroke survivors and their families.'],
  },
  'alcohol-support': {
    activities: ['Alcohol Service', 'Drink Less Group', 'Alcohol Advice Clinic'],
    sentences: ['Confidential support if you are worried about your drinking.'],
  },
  'drug-support': {
    activities: ['Drug Service', 'Needle Exchange', 'Harm Reduction Drop-in'],
    sentences: ['Non-judgemental help with drug use, including harm reduction.'],
  },
  'recovery-groups': {
    activities: ['Recovery Café', 'SMART Recovery', 'AA Meeting', 'Recovery Community'],
    sentences: ['A peer-led recovery group for people staying sober or clean.'],
  },
  'parenting': {
    activities: ['Parenting Course', 'Dads Group', 'Parent Support Group', 'Single Parents Group'],
    sentences: ['A friendly course for parents on behaviour, routines and staying calm.'],
  },
  'baby-and-toddler': {
    activities: ['Stay and Play', 'Baby and Toddler Group', 'Baby Massage', 'Breastfeeding Café', 'Tots Group'],
    sentences: ['Play, songs and stories for under-fives and their grown-ups.', 'Meet other new parents and let the little ones play.'],
    weight: 2,
  },
  'young-people': {
    activities: ['Youth Club', 'Holiday Club', 'After School Club', 'Young Leaders'],
    sentences: ['A safe, fun place for young people to hang out, with games, sport and trips.'],
    weight: 1.5,
  },
  'advocacy': {
    activities: ['Advocacy Service', 'Independent Advocacy', 'Self Advocacy Group'],
    sentences: ['An independent advocate helps you speak up and be heard.'],
  },
  'legal-advice': {
    activities: ['Legal Advice Clinic', 'Law Centre', 'Employment Rights Clinic'],
    sentences: ['Free legal advice from volunteer solicitors.'],
  },
  'general-advice': {
    activities: ['Advice Drop-in', 'Form Filling Help', 'Advice Centre', 'Help Point'],
    sentences: ['Help with letters, forms and paperwork, and advice on everyday problems.', 'If you are not sure where to turn, start here.'],
    weight: 2,
  },
  'immigration-advice': {
    activities: ['Immigration Advice', 'Asylum Support Drop-in', 'Refugee Advice Service'],
    sentences: ['Free, regulated immigration and asylum advice.'],
  },
  'sexual-health': {
    activities: ['Sexual Health Clinic', 'Young People\'s Clinic'],
    sentences: ['Free, confidential testing, contraception and advice.'],
  },
  'stop-smoking': {
    activities: ['Stop Smoking Service', 'Quit Clinic'],
    sentences: ['Support and free nicotine replacement to help you quit smoking.'],
  },
  'weight-management': {
    activities: ['Healthy Weight Group', 'Weight Management Course', 'Fit and Healthy Club'],
    sentences: ['A supportive group to help you lose weight and feel healthier.'],
  },
  'hearing-and-sight': {
    activities: ['Hearing Aid Clinic', 'Sight Loss Support', 'Deaf Club', 'Talking Newspaper'],
    sentences: ['Help and support for people with hearing loss or sight loss.'],
  },
  'crisis-lines': {
    activities: ['Crisis Line', 'Listening Line', 'Night Line'],
    sentences: ['If you are struggling to cope, call us any time to talk.'],
    weight: 0.5,
  },
  'emergency-food': {
    activities: ['Emergency Food', 'Same Day Food Parcels'],
    sentences: ['Emergency food on the day for people with nothing to eat.'],
    weight: 0.5,
  },
  'emergency-money': {
    activities: ['Crisis Fund', 'Emergency Top-up Scheme'],
    sentences: ['Emergency help with gas and electric top-ups.'],
    weight: 0.5,
  },
  'emergency-housing': {
    activities: ['Night Shelter', 'Emergency Accommodation'],
    sentences: ['A safe bed tonight for people with nowhere to sleep.'],
    weight: 0.5,
  },
  'domestic-abuse': {
    activities: ['Domestic Abuse Service', 'Women\'s Refuge', 'Freedom Programme'],
    sentences: ['Confidential support for anyone affected by domestic abuse.'],
    weight: 0.5,
  },
};

/** Sentences for any service; {p} is the place, {v} the venue. */
export const GENERIC_SENTENCES = [
  'Everyone is welcome, whatever your age or ability.',
  'Tea, coffee and biscuits are provided.',
  'Many people come on their own, so you will not be the only new face.',
  'Run by volunteers who know {p} well.',
  'Please ring before your first visit so we can say hello.',
  'Our cafe is open afterwards for anyone who wants to stay and chat.',
  'We meet at the {v} in {p}.',
  'You do not need to book, just turn up.',
  'Places are limited, so please book ahead.',
  'A member of staff will meet you at the door on your first visit.',
  'We can arrange transport for people who find it hard to get here.',
  'Sessions are relaxed and friendly, and there is no pressure to join in.',
  'Children are welcome with a parent or carer.',
  'Free parking is available next to the building.',
  'We are part of the social prescribing network in {p}.',
  'Ask your link worker or GP to refer you, or get in touch yourself.',
  'Information is available in large print and other languages.',
  'Regulars say it is the highlight of their week.',
  'We also run trips and events throughout the year.',
  'New volunteers are always needed.',
  'The building has a lift and an accessible toilet.',
  'It is a good way to get out of the house and meet people in {p}.',
  'We follow a simple safeguarding policy and all volunteers are checked.',
  'Funding from local grants keeps the sessions low cost.',
];

export const SUPPORT_SENTENCES = [
  'Someone will meet you at the door.',
  'You can bring a friend or family member.',
  'We can help you fill in the forms on your first visit.',
];

export const FIRST_NAMES = ['Sam', 'Jo', 'Alex', 'Pat', 'Chris', 'Lesley', 'Mo', 'Priya', 'Aisha', 'Tom', 'Ruth', 'Dave', 'Kath', 'Imran', 'Beth'];
