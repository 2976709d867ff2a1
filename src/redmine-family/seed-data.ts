/** Name pools for seeded data: realistic, neutral, and stable across runs for a given seed. */

export const PROJECT_NAMES = [
  'Website Redesign',
  'Customer Portal',
  'Mobile App',
  'Billing Platform',
  'Internal Tools',
  'Data Warehouse',
  'Support Desk',
  'Partner API',
  'Analytics Dashboard',
  'Onboarding Revamp',
  'Field Service',
  'Sales Enablement',
  'Infrastructure',
  'Marketing Site',
] as const;

export const PROJECT_DESCRIPTIONS = [
  'Quarterly roadmap, releases and the issues that go with them.',
  'Customer-facing work tracked together with the account team.',
  'Everything needed to keep the service running smoothly.',
  'Shared space for design, development and review.',
  'Requests from sales and support, triaged weekly.',
] as const;

export const PEOPLE = [
  ['Dave', 'Lopper'],
  ['Robert', 'Hill'],
  ['Anna', 'Berg'],
  ['Lena', 'Novak'],
  ['Marco', 'Rossi'],
  ['Priya', 'Shah'],
  ['Tomás', 'Ortega'],
  ['Mei', 'Chen'],
] as const;

export const COST_CENTERS = ['CC-1001', 'CC-1042', 'CC-2210', 'CC-3300', 'CC-4107'] as const;

export const REGIONS = ['EMEA', 'Americas', 'APAC'] as const;

/** Modules a new project gets by default (Redmine's `default_projects_modules`). */
export const DEFAULT_MODULES = [
  'issue_tracking',
  'time_tracking',
  'news',
  'documents',
  'files',
  'wiki',
  'repository',
  'boards',
  'calendar',
  'gantt',
] as const;

/** Shuffles a copy of `items` with a seeded generator (Fisher–Yates). */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A project identifier from a name (`Website Redesign` → `website-redesign`). */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}
