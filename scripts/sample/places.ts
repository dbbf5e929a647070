// Neighbourhoods of Newcastle upon Tyne and Gateshead for the fictional sample directory:
// real place names, postcode districts, approximate centres, streets and bus routes.

export type Council = 'newcastle' | 'gateshead';

export interface Area {
  key: string;
  /** Used in service names: "Heaton Walking for Health". */
  label: string;
  /** Used in sentences: "people in Heaton". */
  text: string;
  district: string;
  sectors: number[];
  lat: number;
  lon: number;
  council: Council;
  streets: string[];
  buses: string[];
  metro?: string;
  park: string;
}

export const CITY: Record<Council, string> = { newcastle: 'Newcastle upon Tyne', gateshead: 'Gateshead' };
export const COUNCIL_TEXT: Record<Council, string> = { newcastle: 'Newcastle', gateshead: 'Gateshead' };

export const AREAS: Area[] = [
  { key: 'city', label: 'Newcastle', text: 'Newcastle city centre', district: 'NE1', sectors: [1, 4, 5, 6, 7, 8], lat: 54.973, lon: -1.614, council: 'newcastle',
    streets: ['Blackett Street', 'Clayton Street', 'Westgate Road', 'Northumberland Road', 'Pilgrim Street', 'Carliol Square', 'New Bridge Street West', 'Percy Street'],
    buses: ['Q1', 'Q2', '10', '12', '39', '40'], metro: 'Monument', park: 'Leazes Park' },
  { key: 'elswick', label: 'Elswick', text: 'Elswick', district: 'NE4', sectors: [6, 7, 8], lat: 54.965, lon: -1.640, council: 'newcastle',
    streets: ['Elswick Road', 'Park Road', 'Westmorland Road', 'Maple Terrace', 'Beech Grove Road', 'Tamworth Road'],
    buses: ['31', '32', '38'], park: 'Elswick Park' },
  { key: 'benwell', label: 'Benwell', text: 'Benwell', district: 'NE4', sectors: [8, 9], lat: 54.969, lon: -1.660, council: 'newcastle',
    streets: ['Adelaide Terrace', 'Condercum Road', 'Armstrong Road', 'Benwell Lane', 'Atkinson Road', 'Hodgkin Park Road'],
    buses: ['31', '32', '38'], park: 'Hodgkin Park' },
  { key: 'fenham', label: 'Fenham', text: 'Fenham', district: 'NE4', sectors: [4, 5, 9], lat: 54.982, lon: -1.655, council: 'newcastle',
    streets: ['Fenham Hall Drive', 'Two Ball Lonnen', 'Wingrove Road', 'Nuns Moor Road', 'Stanhope Street', 'Bentinck Road'],
    buses: ['38', '39', '40'], park: 'Nuns Moor Park' },
  { key: 'jesmond', label: 'Jesmond', text: 'Jesmond', district: 'NE2', sectors: [1, 2, 3], lat: 54.990, lon: -1.605, council: 'newcastle',
    streets: ['Osborne Road', 'Acorn Road', "St George's Terrace", 'Clayton Road', 'Jesmond Road', 'Brentwood Avenue'],
    buses: ['1', '33', '62'], metro: 'West Jesmond', park: 'Jesmond Dene' },
  { key: 'heaton', label: 'Heaton', text: 'Heaton', district: 'NE6', sectors: [5, 6], lat: 54.985, lon: -1.585, council: 'newcastle',
    streets: ['Chillingham Road', 'Heaton Road', 'Trewhitt Road', 'Addycombe Terrace', 'Cartington Terrace', 'Heaton Park Road'],
    buses: ['1', '62', '63'], metro: 'Chillingham Road', park: 'Heaton Park' },
  { key: 'byker', label: 'Byker', text: 'Byker', district: 'NE6', sectors: [1, 2], lat: 54.975, lon: -1.580, council: 'newcastle',
    streets: ['Shields Road', 'Raby Street', 'Headlam Street', 'Commercial Road', 'Brinkburn Street', 'Janet Street'],
    buses: ['12', '39', '40'], metro: 'Byker', park: 'Byker Wall Gardens' },
  { key: 'walker', label: 'Walker', text: 'Walker', district: 'NE6', sectors: [3, 4], lat: 54.970, lon: -1.550, council: 'newcastle',
    streets: ['Welbeck Road', 'Church Street', 'Scrogg Road', 'Pottery Bank', 'Walker Road', 'Fisher Street'],
    buses: ['12', '22', '39'], metro: 'Walkergate', park: 'Walker Park' },
  { key: 'gosforth', label: 'Gosforth', text: 'Gosforth', district: 'NE3', sectors: [1, 2, 4], lat: 55.005, lon: -1.620, council: 'newcastle',
    streets: ['High Street', 'Salters Road', 'Church Road', 'Moor Road South', 'Elmfield Road', 'Linden Road'],
    buses: ['X47', '44', '45'], metro: 'South Gosforth', park: 'Gosforth Central Park' },
  { key: 'kenton', label: 'Kenton', text: 'Kenton', district: 'NE3', sectors: [3, 4], lat: 55.005, lon: -1.650, council: 'newcastle',
    streets: ['Kenton Road', 'Hillsview Avenue', 'Kenton Lane', 'Halewood Avenue', 'Kingston Park Road', 'Mitford Gardens'],
    buses: ['38', '39', '47'], metro: 'Kenton Bank Foot', park: 'Kenton Dene' },
  { key: 'westerhope', label: 'Westerhope', text: 'Westerhope', district: 'NE5', sectors: [1, 4, 5], lat: 55.000, lon: -1.690, council: 'newcastle',
    streets: ['Stamfordham Road', 'Hillhead Road', 'Beech Drive', 'Westerhope Road', 'Fawdon Lane', 'Runnymede Road'],
    buses: ['40', '71', '74'], park: 'Westerhope Recreation Ground' },
  { key: 'denton', label: 'Denton Burn', text: 'Denton Burn', district: 'NE5', sectors: [2, 3], lat: 54.985, lon: -1.690, council: 'newcastle',
    streets: ['West Road', 'Slatyford Lane', 'Denton Road', 'Broadwood Road', 'Copperfield Avenue', 'Whitebridge Park'],
    buses: ['1', '22', '39'], park: 'Denton Dene' },
  { key: 'blakelaw', label: 'Blakelaw', text: 'Blakelaw', district: 'NE5', sectors: [3, 4], lat: 54.995, lon: -1.665, council: 'newcastle',
    streets: ['Binswood Avenue', 'Cranleigh Avenue', 'Blakelaw Road', 'Montagu Avenue', 'Chapel House Road', 'Hartburn Walk'],
    buses: ['38', '40', '47'], park: 'Blakelaw Park' },
  { key: 'lemington', label: 'Lemington', text: 'Lemington', district: 'NE15', sectors: [8], lat: 54.975, lon: -1.720, council: 'newcastle',
    streets: ['Union Hall Road', 'Tyne View', 'Rokeby Street', 'Lemington Road', 'Glassworks Lane', 'Dene Avenue'],
    buses: ['22', '71'], park: 'Lemington Riverside' },
  { key: 'newburn', label: 'Newburn', text: 'Newburn', district: 'NE15', sectors: [8, 9], lat: 54.985, lon: -1.740, council: 'newcastle',
    streets: ['Station Road', 'Grange Road', 'Newburn Road', 'Water Row', 'High Street', 'Tyne Riverside'],
    buses: ['22', '71', '74'], park: 'Tyne Riverside Country Park' },
  { key: 'gateshead', label: 'Gateshead', text: 'Gateshead town centre', district: 'NE8', sectors: [1, 2, 4], lat: 54.962, lon: -1.602, council: 'gateshead',
    streets: ['High Street', 'West Street', 'Jackson Street', 'Regent Street', 'Swinburne Street', 'Walker Terrace'],
    buses: ['21', '53', '54', '93'], metro: 'Gateshead', park: 'Windmill Hills' },
  { key: 'bensham', label: 'Bensham', text: 'Bensham', district: 'NE8', sectors: [1, 3, 4], lat: 54.953, lon: -1.612, council: 'gateshead',
    streets: ['Coatsworth Road', 'Bensham Road', 'Whitehall Road', 'Saltwell Road', 'Prince Consort Road', 'Rawling Road'],
    buses: ['53', '54', '93'], park: 'Saltwell Park' },
  { key: 'lowfell', label: 'Low Fell', text: 'Low Fell', district: 'NE9', sectors: [5, 6], lat: 54.935, lon: -1.600, council: 'gateshead',
    streets: ['Durham Road', 'Kells Lane', 'Beaconsfield Road', 'Church Road', 'Belle Vue Bank', 'Dryden Road'],
    buses: ['21', '53', '54'], park: 'Chowdene Park' },
  { key: 'felling', label: 'Felling', text: 'Felling', district: 'NE10', sectors: [0, 8, 9], lat: 54.950, lon: -1.565, council: 'gateshead',
    streets: ['Sunderland Road', 'High Street', 'Split Crow Road', 'Stoneygate Lane', 'Carlisle Street', 'Crowhall Lane'],
    buses: ['27', '93', '94'], metro: 'Felling', park: 'Felling Park' },
  { key: 'dunston', label: 'Dunston', text: 'Dunston', district: 'NE11', sectors: [9], lat: 54.955, lon: -1.640, council: 'gateshead',
    streets: ['Ellison Road', 'Dunston Road', 'Railway Street', 'Market Lane', 'Wellington Road', 'Dunston Bank'],
    buses: ['67', '69', '97'], park: 'Dunston Hill Park' },
  { key: 'whickham', label: 'Whickham', text: 'Whickham', district: 'NE16', sectors: [4, 5], lat: 54.945, lon: -1.675, council: 'gateshead',
    streets: ['Front Street', 'Fellside Road', 'Rectory Lane', 'Broom Lane', 'Oakfield Road', 'Chase Park Road'],
    buses: ['46', '69', 'X45'], park: 'Chase Park' },
  { key: 'blaydon', label: 'Blaydon', text: 'Blaydon', district: 'NE21', sectors: [4, 5], lat: 54.965, lon: -1.710, council: 'gateshead',
    streets: ['Wesley Street', 'Tyne Street', 'Church Street', 'Shibdon Road', 'Chapel Road', 'Blaydon Bank'],
    buses: ['10', '11', 'X45'], park: 'Shibdon Pond' },
  { key: 'birtley', label: 'Birtley', text: 'Birtley', district: 'DH3', sectors: [1, 2], lat: 54.895, lon: -1.575, council: 'gateshead',
    streets: ['Durham Road', 'Station Lane', 'Harraton Terrace', 'Vigo Lane', 'Ouston Road', 'Edward Street'],
    buses: ['21', '28', 'X21'], park: 'Birtley Lane Park' },
  { key: 'ryton', label: 'Ryton', text: 'Ryton', district: 'NE40', sectors: [3, 4], lat: 54.970, lon: -1.760, council: 'gateshead',
    streets: ['Main Road', 'Grange Road', 'Hexham Old Road', 'Dean Terrace', 'Station Bank', 'Holburn Lane'],
    buses: ['10', '11', 'R4'], park: 'Ryton Willows' },
  { key: 'rowlands', label: 'Rowlands Gill', text: 'Rowlands Gill', district: 'NE39', sectors: [1, 2], lat: 54.920, lon: -1.745, council: 'gateshead',
    streets: ['Station Road', 'Derwent View', 'Strathmore Road', 'Lockhaugh Road', 'Highfield Road', 'Burnside'],
    buses: ['45', '46', 'X45'], park: 'Derwent Walk Country Park' },
];

export const AREA_BY_KEY = new Map(AREAS.map((area) => [area.key, area]));

/** The Tyne and Wear Metro lines (Green, Yellow) and rail lines that stop at each station named here. */
export const STATION_LINES: Record<string, string[]> = {
  Monument: ['Green', 'Yellow'], Haymarket: ['Green', 'Yellow'], 'Central Station': ['Green', 'Yellow'],
  Jesmond: ['Green', 'Yellow'], 'West Jesmond': ['Green', 'Yellow'], 'Ilford Road': ['Green', 'Yellow'], 'South Gosforth': ['Green', 'Yellow'],
  'Regent Centre': ['Green'], Fawdon: ['Green'], 'Kingston Park': ['Green'], 'Kenton Bank Foot': ['Green'],
  'Chillingham Road': ['Yellow'], Byker: ['Yellow'], Walkergate: ['Yellow'],
  Gateshead: ['Green', 'Yellow'], 'Gateshead Stadium': ['Green', 'Yellow'], Felling: ['Green', 'Yellow'], Heworth: ['Green', 'Yellow'],
  Blaydon: ['Tyne Valley'], Dunston: ['Tyne Valley'], MetroCentre: ['Tyne Valley'], 'Heworth Interchange': ['Durham Coast'], 'Newcastle Central': [],
};

/** Stations besides an area's own Metro station that some of its venues are within a walk of. */
export const NEARBY_STATIONS: Record<string, { name: string; mode: 'metro' | 'train' }[]> = {
  city: [{ name: 'Haymarket', mode: 'metro' }, { name: 'Central Station', mode: 'metro' }, { name: 'Newcastle Central', mode: 'train' }],
  jesmond: [{ name: 'Jesmond', mode: 'metro' }, { name: 'Ilford Road', mode: 'metro' }],
  gosforth: [{ name: 'Regent Centre', mode: 'metro' }],
  kenton: [{ name: 'Fawdon', mode: 'metro' }, { name: 'Kingston Park', mode: 'metro' }],
  gateshead: [{ name: 'Gateshead Stadium', mode: 'metro' }],
  felling: [{ name: 'Heworth', mode: 'metro' }, { name: 'Heworth Interchange', mode: 'train' }],
  blaydon: [{ name: 'Blaydon', mode: 'train' }],
  dunston: [{ name: 'Dunston', mode: 'train' }, { name: 'MetroCentre', mode: 'train' }],
};

/** Where a bus stop is named after something near it: "Heaton Shops", "Benwell Post Office". */
export const STOP_LANDMARKS = ['Shops', 'Post Office', 'Library', 'Church', 'School', 'Social Club', 'Surgery'];

export type VenueType =
  | 'community' | 'library' | 'church' | 'leisure' | 'health' | 'park' | 'garden' | 'office' | 'cafe' | 'youth' | 'workshop';

/** How many different venues of a type an area can have before services start sharing. */
export const VENUE_LIMIT: Record<VenueType, number> = {
  community: 2, library: 1, church: 3, leisure: 1, health: 1, park: 1, garden: 2, office: 2, cafe: 2, youth: 1, workshop: 1,
};

export const SAINTS = ['Aidan', 'Cuthbert', 'Bede', 'Hilda', 'Oswald', 'Mary', 'Michael', 'Luke', 'Columba', 'Wilfrid', 'Margaret', 'Anne', 'Barnabas', 'Chad'];
export const CHURCH_FORMS = ['{A} Methodist Church', '{A} United Reformed Church', '{A} Baptist Church', "St {S}'s Church Hall", "St {S}'s Parish Centre", '{A} Quaker Meeting House'];
export const COMMUNITY_FORMS = ['{A} Community Centre', '{A} Community Hub', '{A} Neighbourhood Centre', 'The {St} Centre', '{A} Village Hall', '{A} Community Rooms'];
export const OFFICE_FORMS = ['Tyne House', 'Riverside House', 'Collingwood House', 'Bewick House', 'Stephenson House', 'Hadrian House', 'Armstrong House', 'Grainger House', 'Swan House', 'Lindisfarne House'];
export const CAFE_FORMS = ['The Teapot Café', 'The Kettle Café', 'Brew and Bun Café', 'The Corner Café', 'The Willow Café', 'Hive Community Café', 'The Lamp Café'];

/** Accessibility features likely at each type of venue, with the chance of each. */
export const FEATURE_ODDS: Record<VenueType, [string, number][]> = {
  library: [['step-free', 0.8], ['accessible-toilet', 0.75], ['lift', 0.5], ['hearing-loop', 0.6], ['large-print', 0.7], ['seating', 0.5], ['public-transport', 0.6], ['baby-change', 0.4], ['quiet-space', 0.3], ['easy-read', 0.2], ['assistance-dogs', 0.4]],
  community: [['step-free', 0.7], ['accessible-toilet', 0.65], ['seating', 0.5], ['baby-change', 0.3], ['accessible-parking', 0.4], ['hearing-loop', 0.3], ['dementia-friendly', 0.3], ['public-transport', 0.5], ['assistance-dogs', 0.3], ['changing-places', 0.08], ['autism-friendly', 0.12]],
  church: [['step-free', 0.45], ['seating', 0.6], ['hearing-loop', 0.45], ['dementia-friendly', 0.3], ['accessible-parking', 0.3], ['accessible-toilet', 0.4], ['public-transport', 0.3]],
  leisure: [['step-free', 0.9], ['accessible-toilet', 0.9], ['changing-places', 0.5], ['lift', 0.6], ['accessible-parking', 0.7], ['baby-change', 0.6], ['public-transport', 0.4]],
  health: [['step-free', 0.9], ['accessible-toilet', 0.9], ['hearing-loop', 0.7], ['interpreters', 0.6], ['bsl', 0.3], ['accessible-parking', 0.5], ['lift', 0.4], ['easy-read', 0.3]],
  park: [['public-transport', 0.5], ['accessible-parking', 0.3], ['assistance-dogs', 0.5], ['seating', 0.3], ['step-free', 0.3]],
  garden: [['seating', 0.5], ['step-free', 0.35], ['accessible-parking', 0.25], ['quiet-space', 0.3], ['assistance-dogs', 0.3]],
  office: [['step-free', 0.6], ['accessible-toilet', 0.5], ['interpreters', 0.6], ['lift', 0.4], ['quiet-space', 0.5], ['easy-read', 0.4], ['large-print', 0.3], ['home-visits', 0.3], ['bsl', 0.2], ['hearing-loop', 0.3]],
  cafe: [['step-free', 0.5], ['seating', 0.6], ['baby-change', 0.3], ['autism-friendly', 0.25], ['dementia-friendly', 0.4], ['assistance-dogs', 0.5]],
  youth: [['step-free', 0.6], ['accessible-toilet', 0.5], ['autism-friendly', 0.4], ['quiet-space', 0.4], ['public-transport', 0.4]],
  workshop: [['step-free', 0.5], ['accessible-parking', 0.4], ['seating', 0.4]],
};

export const ACCESSIBILITY_NOTES: { description: string; details: string }[] = [
  { description: 'Ramp at the side entrance', details: 'Ring the bell by the side door and someone will let you in.' },
  { description: 'Hearing loop', details: 'There is a hearing loop in the main hall. Switch your hearing aid to the T setting.' },
  { description: 'Parking', details: 'Two blue badge spaces at the front of the building; other parking is on the street.' },
  { description: 'Toilets', details: 'The accessible toilet is on the ground floor. The other toilets are up a short flight of stairs.' },
  { description: 'Getting there', details: 'The path up from the bus stop is quite steep. Ask us about a lift from the Metro station.' },
  { description: 'Quiet room', details: 'A small quiet room is available if you need a break from the noise.' },
  { description: 'Lighting and signs', details: 'Signs are in large print with pictures, and the hall has good lighting.' },
  { description: 'Uneven ground', details: 'Some paths are uneven and muddy after rain. Sturdy shoes are best.' },
  { description: 'Doors', details: 'The front door is heavy. Press the button on the right for the automatic door.' },
];
