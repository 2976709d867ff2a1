/** Pools for the seeded CRM data: fictional, realistic and stable for a given seed. */

/** A seeded company: name, line of business, web domain and address. */
export interface CompanySeed {
  name: string;
  business: string;
  domain: string;
  street: string;
  city: string;
  postcode: string;
  region: string | null;
  country: string;
}

export const COMPANIES: readonly CompanySeed[] = [
  {
    name: 'Northwind Traders',
    business: 'Specialty food import',
    domain: 'northwind.example.com',
    street: '12 Harbour Road',
    city: 'Portsmouth',
    postcode: 'PO1 3AX',
    region: 'Hampshire',
    country: 'GB',
  },
  {
    name: 'Bluefin Logistics',
    business: 'Freight forwarding',
    domain: 'bluefin.example.net',
    street: 'Am Sandtorkai 44',
    city: 'Hamburg',
    postcode: '20457',
    region: null,
    country: 'DE',
  },
  {
    name: 'Helios Solar Systems',
    business: 'Photovoltaic installations',
    domain: 'helios-solar.example.org',
    street: 'Calle Valencia, 87-89',
    city: 'Barcelona',
    postcode: '08029',
    region: 'Catalonia',
    country: 'ES',
  },
  {
    name: 'Kestrel Analytics',
    business: 'Business intelligence consulting',
    domain: 'kestrel.example.com',
    street: '400 Market Street',
    city: 'San Francisco',
    postcode: '94111',
    region: 'CA',
    country: 'US',
  },
  {
    name: 'Lumen Medical Devices',
    business: 'Diagnostic equipment',
    domain: 'lumen-medical.example.com',
    street: 'Keizersgracht 221',
    city: 'Amsterdam',
    postcode: '1016 DV',
    region: null,
    country: 'NL',
  },
  {
    name: 'Orchard Foods',
    business: 'Organic produce wholesale',
    domain: 'orchardfoods.example.net',
    street: '88 Collins Street',
    city: 'Melbourne',
    postcode: '3000',
    region: 'Victoria',
    country: 'AU',
  },
  {
    name: 'Riverbend Hotels',
    business: 'Boutique hotel chain',
    domain: 'riverbend.example.org',
    street: '15 Rue de Rivoli',
    city: 'Paris',
    postcode: '75004',
    region: null,
    country: 'FR',
  },
  {
    name: 'Sable Security',
    business: 'Managed security services',
    domain: 'sable-sec.example.com',
    street: 'Tverskaya 7',
    city: 'Moscow',
    postcode: '125009',
    region: 'Moscow',
    country: 'RU',
  },
  {
    name: 'Tidewater Marine',
    business: 'Ship maintenance',
    domain: 'tidewater.example.com',
    street: '1 Marina Way',
    city: 'Singapore',
    postcode: '018937',
    region: null,
    country: 'SG',
  },
  {
    name: 'Zephyr Aerospace',
    business: 'Aircraft components',
    domain: 'zephyr-aero.example.net',
    street: 'Via Tortona 31',
    city: 'Milan',
    postcode: '20144',
    region: 'Lombardy',
    country: 'IT',
  },
  {
    name: 'Willow Creek Dairy',
    business: 'Dairy products',
    domain: 'willowcreek.example.org',
    street: '230 Queen Street West',
    city: 'Toronto',
    postcode: 'M5V 1Z7',
    region: 'Ontario',
    country: 'CA',
  },
  {
    name: 'Vantage Print Co.',
    business: 'Commercial printing',
    domain: 'vantageprint.example.com',
    street: 'Storgatan 19',
    city: 'Stockholm',
    postcode: '114 55',
    region: null,
    country: 'SE',
  },
];

export const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Carla',
  'Daniel',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kira',
  'Liam',
  'Maya',
  'Nikolai',
  'Olivia',
  'Pablo',
  'Quinn',
  'Rosa',
  'Samuel',
  'Tara',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
] as const;

export const MIDDLE_NAMES = ['Marie', 'James', 'Sergeevna', 'Lee', 'Alexandrovich'] as const;

export const LAST_NAMES = [
  'Andersen',
  'Baker',
  'Costa',
  'Dubois',
  'Eriksson',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  "O'Brien",
  'Petrova',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Tanaka',
] as const;

export const JOB_TITLES = [
  'CEO',
  'Purchasing manager',
  'Head of operations',
  'IT director',
  'Account manager',
  'Finance controller',
  'Office manager',
  'Project lead',
  'Procurement specialist',
  'CTO',
] as const;

/** Tag names with their colours (integer RGB, or null). */
export const TAGS: readonly (readonly [string, number | null])[] = [
  ['vip', 0xff0000],
  ['referral', null],
  ['cold call', 0xff8000],
  ['partner', 0x00a0ff],
  ['trade fair', 0x8040c0],
  ['newsletter', null],
  ['reseller', 0x00c060],
];

export const COMPANY_BACKGROUNDS = [
  'Long-standing customer; renewals are negotiated every spring.',
  'Met at the regional trade fair; evaluating a pilot.',
  'Introduced by a partner. Decision makers are in the head office.',
  'Growing quickly, with new sites planned next year.',
] as const;

/** Note texts by note type (0 e-mail, 1 call, 2 meeting, 3 plain note). */
export const NOTE_TEXTS: readonly (readonly string[])[] = [
  ['Sent the updated quote and the product sheet.', 'Followed up on the open invoice by e-mail.'],
  ['Discussed the renewal; they want a multi-year discount.', 'Short call: waiting for budget approval.'],
  ['On-site meeting with purchasing and IT; demo went well.', 'Quarterly review meeting, minutes attached.'],
  ['Prefers to be contacted in the morning.', 'New billing address from next month.'],
];

export const NOTE_SUBJECTS = ['Quote', 'Renewal', 'Follow-up', 'Review', null] as const;

export const DEAL_TOPICS = [
  'Annual support contract',
  'Hardware refresh',
  'Pilot project',
  'Training package',
  'Licence expansion',
  'Consulting retainer',
  'Maintenance renewal',
] as const;

export const CURRENCIES = ['USD', 'EUR', 'GBP'] as const;

export const ISSUE_SUBJECTS = [
  'Set up a demo account',
  'Prepare the onboarding plan',
  'Invoice shows the wrong VAT number',
  'Export of the monthly report fails',
  'Request for an additional user licence',
  'Migrate data from the old system',
] as const;

/** Redmine's default issue statuses (id, name). */
export const ISSUE_STATUSES = [
  { id: 1, name: 'New' },
  { id: 2, name: 'In Progress' },
  { id: 3, name: 'Resolved' },
  { id: 4, name: 'Feedback' },
  { id: 5, name: 'Closed' },
] as const;
