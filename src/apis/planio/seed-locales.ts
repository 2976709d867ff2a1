import type { Country } from './records.js';

/** Address, phone and name material of the countries seeded companies come from. */
export interface Locale {
  /** English country name, as in the document's `Country` list. */
  country: Country;
  /** Towns: [town, zip, state (null where addresses have none), phone area code]. */
  cities: readonly (readonly [string, string, string | null, string])[];
  streets: readonly string[];
  /** House number before the street name (US, UK, France) rather than after it. */
  numberFirst: boolean;
  /** Phone number pattern: `{a}` is the area code, each `#` a digit. */
  phone: string;
  /** Generic mailbox names of companies (`info`, `kontakt`, …). */
  mailboxes: readonly string[];
  /** Value of the contact custom field "Preferred language". */
  language: string;
  male: readonly string[];
  female: readonly string[];
  last: readonly string[];
}

const GERMAN_MALE = ['Jonas', 'Lukas', 'Felix', 'Tobias', 'Matthias', 'Stefan', 'Andreas', 'Florian', 'Jürgen'];
const GERMAN_FEMALE = ['Anna', 'Katharina', 'Laura', 'Julia', 'Sabine', 'Miriam', 'Lea', 'Sophie', 'Ute'];
const GERMAN_LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Wagner', 'Hoffmann', 'Schäfer'];

/** Locales by key. */
export const LOCALES = {
  de: {
    country: 'Germany',
    cities: [
      ['Berlin', '10245', 'Berlin', '30'],
      ['Hamburg', '20457', 'Hamburg', '40'],
      ['München', '80331', 'Bayern', '89'],
      ['Köln', '50667', 'Nordrhein-Westfalen', '221'],
      ['Freiburg im Breisgau', '79098', 'Baden-Württemberg', '761'],
      ['Leipzig', '04109', 'Sachsen', '341'],
      ['Dresden', '01067', 'Sachsen', '351'],
    ],
    streets: ['Hauptstraße', 'Lindenallee', 'Am Sandtorkai', 'Bahnhofstraße', 'Industriestraße', 'Gartenweg'],
    numberFirst: false,
    phone: '+49 {a} #### ###',
    mailboxes: ['info', 'kontakt', 'buchhaltung', 'service'],
    language: 'German',
    male: GERMAN_MALE,
    female: GERMAN_FEMALE,
    last: GERMAN_LAST,
  },
  at: {
    country: 'Austria',
    cities: [
      ['Wien', '1010', 'Wien', '1'],
      ['Innsbruck', '6020', 'Tirol', '512'],
      ['Linz', '4020', 'Oberösterreich', '732'],
    ],
    streets: ['Mariahilfer Straße', 'Landstraße', 'Museumstraße', 'Kaiserweg'],
    numberFirst: false,
    phone: '+43 {a} ### ####',
    mailboxes: ['office', 'info'],
    language: 'German',
    male: ['Maximilian', 'Lorenz', 'Georg', 'Markus'],
    female: ['Theresa', 'Magdalena', 'Johanna', 'Elisabeth'],
    last: ['Gruber', 'Huber', 'Bauer', 'Pichler', 'Steiner'],
  },
  ch: {
    country: 'Switzerland',
    cities: [
      ['Zürich', '8001', 'Zürich', '44'],
      ['Bern', '3011', 'Bern', '31'],
      ['Luzern', '6003', 'Luzern', '41'],
    ],
    streets: ['Bahnhofstrasse', 'Seestrasse', 'Marktgasse', 'Dorfstrasse'],
    numberFirst: false,
    phone: '+41 {a} ### ## ##',
    mailboxes: ['info', 'kontakt'],
    language: 'German',
    male: ['Reto', 'Urs', 'Beat', 'Luca'],
    female: ['Nicole', 'Corinne', 'Seraina', 'Andrea'],
    last: ['Meier', 'Keller', 'Brunner', 'Baumann', 'Frei'],
  },
  nl: {
    country: 'Netherlands',
    cities: [
      ['Amsterdam', '1012 JS', 'Noord-Holland', '20'],
      ['Utrecht', '3511 LX', 'Utrecht', '30'],
      ['Rotterdam', '3011 AD', 'Zuid-Holland', '10'],
    ],
    streets: ['Keizersgracht', 'Oudegracht', 'Coolsingel', 'Stationsweg'],
    numberFirst: false,
    phone: '+31 {a} ### ####',
    mailboxes: ['info', 'contact'],
    language: 'Dutch',
    male: ['Daan', 'Sander', 'Joost', 'Pieter'],
    female: ['Sanne', 'Femke', 'Lotte', 'Anouk'],
    last: ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit'],
  },
  be: {
    country: 'Belgium',
    cities: [
      ['Gent', '9000', 'Oost-Vlaanderen', '9'],
      ['Antwerpen', '2000', 'Antwerpen', '3'],
    ],
    streets: ['Veldstraat', 'Meir', 'Kouter'],
    numberFirst: false,
    phone: '+32 {a} ### ## ##',
    mailboxes: ['info'],
    language: 'Dutch',
    male: ['Wout', 'Pieter-Jan', 'Koen'],
    female: ['Elke', 'Lien', 'Griet'],
    last: ['Peeters', 'Janssens', 'Maes', 'Claes'],
  },
  fr: {
    country: 'France',
    cities: [
      ['Paris', '75003', 'Île-de-France', '1'],
      ['Lyon', '69002', 'Auvergne-Rhône-Alpes', '4'],
      ['Aix-en-Provence', '13100', "Provence-Alpes-Côte d'Azur", '4'],
    ],
    streets: ['rue de la République', 'avenue Jean Jaurès', 'rue du Moulin', 'boulevard Victor Hugo'],
    numberFirst: true,
    phone: '+33 {a} ## ## ## ##',
    mailboxes: ['contact', 'info'],
    language: 'French',
    male: ['Julien', 'Mathieu', 'Nicolas', 'Antoine'],
    female: ['Camille', 'Claire', 'Élodie', 'Manon'],
    last: ['Martin', 'Bernard', 'Moreau', 'Lefèvre', 'Girard'],
  },
  it: {
    country: 'Italy',
    cities: [
      ['Bologna', '40121', 'Emilia-Romagna', '051'],
      ['Firenze', '50122', 'Toscana', '055'],
    ],
    streets: ['Via Roma', 'Via Garibaldi', 'Via dei Mille'],
    numberFirst: false,
    phone: '+39 {a} ### ####',
    mailboxes: ['info', 'amministrazione'],
    language: 'Italian',
    male: ['Marco', 'Luca', 'Giovanni', 'Davide'],
    female: ['Giulia', 'Chiara', 'Francesca', 'Sara'],
    last: ['Rossi', 'Bianchi', 'Ferraro', 'Romano', 'Colombo'],
  },
  es: {
    country: 'Spain',
    cities: [
      ['Pamplona', '31001', 'Navarra', '948'],
      ['Valencia', '46002', 'Comunidad Valenciana', '96'],
    ],
    streets: ['Calle Mayor', 'Avenida de la Constitución', 'Calle San Vicente'],
    numberFirst: false,
    phone: '+34 {a} ### ###',
    mailboxes: ['info', 'contacto'],
    language: 'Spanish',
    male: ['Javier', 'Álvaro', 'Sergio'],
    female: ['Lucía', 'Marta', 'Elena'],
    last: ['García', 'Navarro', 'Fernández', 'López'],
  },
  uk: {
    country: 'United Kingdom',
    cities: [
      ['London', 'EC1V 9HX', null, '20'],
      ['Manchester', 'M1 2WD', null, '161'],
      ['Bristol', 'BS1 4DJ', null, '117'],
    ],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'],
    numberFirst: true,
    phone: '+44 {a} 7946 0###',
    mailboxes: ['hello', 'accounts', 'info'],
    language: 'English',
    male: ['Oliver', 'James', 'Harry', 'George'],
    female: ['Amelia', 'Emily', 'Charlotte', 'Olivia'],
    last: ['Smith', 'Taylor', 'Brown', 'Walker', 'Hughes'],
  },
  ie: {
    country: 'Ireland',
    cities: [['Dublin', 'D08 VF8H', 'Dublin', '1']],
    streets: ['Thomas Street', 'Grafton Street'],
    numberFirst: true,
    phone: '+353 {a} ### ####',
    mailboxes: ['info', 'sales'],
    language: 'English',
    male: ['Cian', 'Seán', 'Liam'],
    female: ['Aoife', 'Niamh', 'Siobhán'],
    last: ['Murphy', 'Kelly', "O'Brien", 'Byrne'],
  },
  dk: {
    country: 'Denmark',
    cities: [['Aarhus', '8000', null, '8']],
    streets: ['Søndergade', 'Strøget'],
    numberFirst: false,
    phone: '+45 {a}# ## ## ##',
    mailboxes: ['info', 'kontakt'],
    language: 'English',
    male: ['Mads', 'Rasmus', 'Søren'],
    female: ['Mette', 'Ida', 'Freja'],
    last: ['Nielsen', 'Jensen', 'Hansen'],
  },
  se: {
    country: 'Sweden',
    cities: [['Östersund', '831 30', 'Jämtland', '63']],
    streets: ['Storgatan', 'Prästgatan'],
    numberFirst: false,
    phone: '+46 {a} ## ## ##',
    mailboxes: ['info', 'kundtjanst'],
    language: 'English',
    male: ['Erik', 'Anders', 'Johan'],
    female: ['Elin', 'Karin', 'Sofia'],
    last: ['Andersson', 'Johansson', 'Lindqvist'],
  },
  pl: {
    country: 'Poland',
    cities: [['Poznań', '61-888', 'wielkopolskie', '61']],
    streets: ['ul. Półwiejska', 'ul. Głogowska'],
    numberFirst: false,
    phone: '+48 {a} ### ## ##',
    mailboxes: ['biuro', 'kontakt'],
    language: 'English',
    male: ['Piotr', 'Tomasz', 'Krzysztof'],
    female: ['Agnieszka', 'Katarzyna', 'Magdalena'],
    last: ['Kowalski', 'Nowak', 'Wiśniewski'],
  },
  cz: {
    country: 'Czechia',
    cities: [['Praha', '110 00', 'Praha', '2']],
    streets: ['Národní', 'Vodičkova'],
    numberFirst: false,
    phone: '+420 {a}## ### ###',
    mailboxes: ['info', 'obchod'],
    language: 'English',
    male: ['Jan', 'Petr', 'Martin'],
    female: ['Tereza', 'Lucie', 'Eva'],
    last: ['Novák', 'Svoboda', 'Dvořák'],
  },
  us: {
    country: 'United States',
    cities: [
      ['Portland', '97205', 'Oregon', '503'],
      ['Chicago', '60607', 'Illinois', '312'],
      ['Austin', '78701', 'Texas', '512'],
      ['Boston', '02110', 'Massachusetts', '617'],
      ['Denver', '80202', 'Colorado', '303'],
    ],
    streets: ['Main Street', 'Oak Avenue', 'Lakeshore Drive', 'Market Street', 'Congress Avenue'],
    numberFirst: true,
    phone: '+1 ({a}) 555-01##',
    mailboxes: ['info', 'sales', 'billing'],
    language: 'English',
    male: ['Michael', 'David', 'Chris', 'Daniel', 'Ryan'],
    female: ['Jessica', 'Ashley', 'Megan', 'Rachel', 'Lauren'],
    last: ['Johnson', 'Miller', 'Davis', 'Anderson', 'Thompson', 'Garcia'],
  },
  ca: {
    country: 'Canada',
    cities: [['Vancouver', 'V6B 1A1', 'British Columbia', '604']],
    streets: ['Granville Street', 'Robson Street'],
    numberFirst: true,
    phone: '+1 ({a}) 555-01##',
    mailboxes: ['info', 'sales'],
    language: 'English',
    male: ['Ethan', 'Noah', 'Liam'],
    female: ['Emma', 'Chloe', 'Hannah'],
    last: ['Tremblay', 'Wilson', 'MacDonald'],
  },
} as const satisfies Record<string, Locale>;

/** A locale key. */
export type LocaleKey = keyof typeof LOCALES;
