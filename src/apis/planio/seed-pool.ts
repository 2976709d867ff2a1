import type { LocaleKey } from './seed-locales.js';

/** A company the seed can create: name, locale, industry (custom field value) and mail domain. */
export type PoolCompany = readonly [name: string, locale: LocaleKey, industry: string, domain: string];

/** Values of the company custom field "Industry". */
export const INDUSTRIES = [
  'Manufacturing',
  'Logistics',
  'Retail',
  'Professional services',
  'Software',
  'Hospitality',
  'Healthcare',
  'Energy',
  'Construction',
  'Food and beverage',
  'Media',
  'Real estate',
  'Tourism',
] as const;

/** Values of the contact custom field "Position". */
export const POSITIONS = [
  'Managing Director',
  'Head of Purchasing',
  'Accountant',
  'Office Manager',
  'IT Administrator',
  'Sales Manager',
  'Project Lead',
  'Operations Manager',
  'Marketing Manager',
] as const;

/** Values of the contact custom field "Preferred language". */
export const LANGUAGES = ['English', 'German', 'French', 'Dutch', 'Italian', 'Spanish'] as const;

/** Small and medium-sized companies from Germany, the rest of Europe and North America. */
export const COMPANY_POOL: readonly PoolCompany[] = [
  ['Nordwind Logistik AG', 'de', 'Logistics', 'nordwind-logistik.de'],
  ['Bergmann Maschinenbau GmbH', 'de', 'Manufacturing', 'bergmann-maschinenbau.de'],
  ['Sonnenfeld Solartechnik GmbH', 'de', 'Energy', 'sonnenfeld-solar.de'],
  ['Hofmann & Söhne Bäckereibedarf KG', 'de', 'Food and beverage', 'hofmann-soehne.de'],
  ['Rheinblick Immobilien GmbH', 'de', 'Real estate', 'rheinblick-immobilien.de'],
  ['Kranich Medientechnik GmbH', 'de', 'Media', 'kranich-medien.de'],
  ['Weber Elektrotechnik GmbH', 'de', 'Construction', 'weber-elektro.de'],
  ['Lindenhof Feinkost GmbH', 'de', 'Retail', 'lindenhof-feinkost.de'],
  ['Schwarzwald Präzisionsteile GmbH', 'de', 'Manufacturing', 'sw-praezision.de'],
  ['Elbtal Software GmbH', 'de', 'Software', 'elbtal-software.de'],
  ['Fuchs & Partner Steuerberatung', 'de', 'Professional services', 'fuchs-steuer.de'],
  ['Praxisklinik am Stadtpark', 'de', 'Healthcare', 'praxisklinik-stadtpark.de'],
  ['Donau Holzbau GmbH', 'at', 'Construction', 'donau-holzbau.at'],
  ['Tiroler Bergsport GmbH', 'at', 'Retail', 'tiroler-bergsport.at'],
  ['Kaffeerösterei Huber OG', 'at', 'Food and beverage', 'roesterei-huber.at'],
  ['Limmat Uhrenmanufaktur AG', 'ch', 'Manufacturing', 'limmat-uhren.ch'],
  ['Helvetia Treuhand AG', 'ch', 'Professional services', 'helvetia-treuhand.ch'],
  ['Bernina Alpinreisen AG', 'ch', 'Tourism', 'bernina-reisen.ch'],
  ['Van der Meer Tuinbouw B.V.', 'nl', 'Food and beverage', 'vandermeer-tuinbouw.nl'],
  ['Grachtenhuis Design B.V.', 'nl', 'Media', 'grachtenhuis.nl'],
  ['Polderwind Energie B.V.', 'nl', 'Energy', 'polderwind.nl'],
  ['Brouwerij De Klok NV', 'be', 'Food and beverage', 'brouwerijdeklok.be'],
  ['Atelier Lumière SARL', 'fr', 'Media', 'atelier-lumiere.fr'],
  ['Provence Cosmétiques SAS', 'fr', 'Retail', 'provence-cosmetiques.fr'],
  ['Hôtel du Vieux Port SARL', 'fr', 'Hospitality', 'hotel-vieuxport.fr'],
  ['Ferraro Ceramiche S.r.l.', 'it', 'Manufacturing', 'ferraroceramiche.it'],
  ['Oleificio Bianchi S.r.l.', 'it', 'Food and beverage', 'oleificiobianchi.it'],
  ['Talleres Navarro S.L.', 'es', 'Manufacturing', 'talleresnavarro.es'],
  ['Thornbury Engineering Ltd', 'uk', 'Manufacturing', 'thornbury-eng.co.uk'],
  ['Kestrel Analytics Ltd', 'uk', 'Software', 'kestrel-analytics.co.uk'],
  ['Harbourside Print Ltd', 'uk', 'Media', 'harbourside-print.co.uk'],
  ['Liffey Craft Distillers Ltd', 'ie', 'Food and beverage', 'liffeydistillers.ie'],
  ['Nordlys Møbler ApS', 'dk', 'Retail', 'nordlys-mobler.dk'],
  ['Fjällvind Outdoor AB', 'se', 'Tourism', 'fjallvind.se'],
  ['Kowalski Transport Sp. z o.o.', 'pl', 'Logistics', 'kowalski-transport.pl'],
  ['Vltava Sklárna s.r.o.', 'cz', 'Manufacturing', 'vltava-sklarna.cz'],
  ['Redwood Valley Outfitters LLC', 'us', 'Retail', 'redwoodvalleyoutfitters.com'],
  ['Great Lakes Fabrication Inc.', 'us', 'Manufacturing', 'greatlakesfab.com'],
  ['Copperline Dental Group LLC', 'us', 'Healthcare', 'copperlinedental.com'],
  ['Bluebonnet Catering Co.', 'us', 'Hospitality', 'bluebonnetcatering.com'],
  ['Harbor Point Marine Supply Inc.', 'us', 'Retail', 'harborpointmarine.com'],
  ['Summit Ridge Accounting LLC', 'us', 'Professional services', 'summitridgecpa.com'],
  ['Front Range Software Inc.', 'us', 'Software', 'frontrangesoftware.com'],
  ['Maple Ridge Timber Ltd.', 'ca', 'Construction', 'mapleridgetimber.ca'],
];
