/** The facts a seeded business is built from: names, places and the work it does. */
export interface BusinessProfile {
  name: string;
  currency: string;
  timezone: string;
  country: string;
  cities: readonly string[];
  streets: readonly string[];
  firstNames: readonly string[];
  lastNames: readonly string[];
  emailDomain: string;
  companies: readonly { title: string; industry: string; domain: string }[];
  projects: readonly { name: string; boards: readonly string[] }[];
  services: readonly { title: string; amount: number }[];
  teamSize: number;
  clientCount: number;
  taxRate: number;
}

const ACME: BusinessProfile = {
  name: 'Acme Creative Studio',
  currency: 'USD',
  timezone: 'America/New_York',
  country: 'United States',
  cities: ['New York', 'Boston', 'Chicago', 'Austin', 'Seattle', 'Denver'],
  streets: ['Main Street', 'Oak Avenue', 'Maple Drive', 'Cedar Lane', 'Pine Street', 'Elm Road'],
  firstNames: ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Ethan', 'Sophia', 'Mason', 'Mia', 'Lucas', 'Harper', 'Logan'],
  lastNames: ['Smith', 'Johnson', 'Brown', 'Taylor', 'Anderson', 'Thomas', 'Moore', 'Martin', 'Walker', 'Young'],
  emailDomain: 'acme-studio.example',
  companies: [
    { title: 'Northwind Traders', industry: 'Retail', domain: 'northwind.example' },
    { title: 'Umbrella Health', industry: 'Healthcare', domain: 'umbrella-health.example' },
    { title: 'Initech', industry: 'Software', domain: 'initech.example' },
    { title: 'Stark Logistics', industry: 'Logistics', domain: 'stark-logistics.example' },
    { title: 'Wayne Interiors', industry: 'Design', domain: 'wayne-interiors.example' },
  ],
  projects: [
    { name: 'Website redesign', boards: ['Design', 'Development'] },
    { name: 'Brand identity refresh', boards: ['Brand'] },
    { name: 'Mobile app MVP', boards: ['Sprint board', 'Bugs'] },
    { name: 'Q4 marketing campaign', boards: ['Campaign'] },
  ],
  services: [
    { title: 'Design hour', amount: 95 },
    { title: 'Development hour', amount: 120 },
    { title: 'Logo package', amount: 1500 },
    { title: 'Monthly hosting', amount: 49 },
  ],
  teamSize: 5,
  clientCount: 12,
  taxRate: 8,
};

const GLOBEX: BusinessProfile = {
  name: 'Globex Consulting GmbH',
  currency: 'EUR',
  timezone: 'Europe/Berlin',
  country: 'Germany',
  cities: ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Vienna', 'Zurich'],
  streets: ['Hauptstrasse', 'Bahnhofstrasse', 'Gartenweg', 'Schillerstrasse', 'Lindenallee'],
  firstNames: ['Lena', 'Jonas', 'Marie', 'Felix', 'Anna', 'Paul', 'Lea', 'Lukas', 'Clara', 'Maximilian'],
  lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann'],
  emailDomain: 'globex-consulting.example',
  companies: [
    { title: 'Hooli Europe', industry: 'Technology', domain: 'hooli.example' },
    { title: 'Vandelay Industries', industry: 'Import/Export', domain: 'vandelay.example' },
    { title: 'Soylent AG', industry: 'Food', domain: 'soylent.example' },
    { title: 'Cyberdyne Systems', industry: 'Robotics', domain: 'cyberdyne.example' },
  ],
  projects: [
    { name: 'ERP migration', boards: ['Migration plan', 'Cut-over'] },
    { name: 'Data warehouse audit', boards: ['Audit'] },
    { name: 'Security assessment', boards: ['Findings'] },
  ],
  services: [
    { title: 'Consulting day', amount: 1100 },
    { title: 'Workshop', amount: 2400 },
    { title: 'Audit report', amount: 3500 },
  ],
  teamSize: 4,
  clientCount: 9,
  taxRate: 19,
};

/**
 * The profile of a business: `acme` and `globex` have their own (English and German names, USD and EUR, different
 * clients and projects); any other slug gets a neutral one named after it.
 */
export function businessProfile(business: string): BusinessProfile {
  if (business === 'acme') return ACME;
  if (business === 'globex') return GLOBEX;
  const title = business.charAt(0).toUpperCase() + business.slice(1);
  return { ...ACME, name: `${title} Workspace`, emailDomain: `${business}.example`, teamSize: 3, clientCount: 6 };
}
