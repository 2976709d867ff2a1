import { stableId } from './ids.js';
import { SeedContext } from './seed/context.js';
import { businessProfile } from './seed/profiles.js';
import { seedContent } from './seed/seed-content.js';
import { seedDashboards } from './seed/seed-dashboards.js';
import { growPeople, seedOrg } from './seed/seed-org.js';
import { seedSales } from './seed/seed-sales.js';
import { seedWork } from './seed/seed-work.js';
import type { WorkspaceData } from './store/state.js';

/** Default seed number (`--seed`). */
export const DEFAULT_SEED = 1;

/** Options of {@link seedWorkspace}. */
export interface SeedOptions {
  /** Seed number; the same number gives the same workspace, record for record. Default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Grow `people` to this many records with generated clients (e.g. 10,000 for benchmarks). */
  people?: number;
  /** User id of the business owner (the API app's `userId`); derived from the business slug by default. */
  ownerUserId?: string;
}

/**
 * Builds the seeded state of a business: the business record, roles, custom fields, statuses, categories, a team
 * with login profiles, client people and companies, projects with boards, groups, tasks, comments and time tracks,
 * items, invoices, invoice subscriptions, proposals, contracts and templates (with their blocks), wikis and pages,
 * folders and files, forms and responses, conversations, events, notes, canned responses, inbox groups, dashboards
 * with pages, block groups, dashboard data and one trash entry. `acme` and `globex` differ in names, currency and
 * volume; every id comes from the workspace's id sequence, which runtime creates continue.
 */
export function seedWorkspace(business: string, options: SeedOptions = {}): WorkspaceData {
  const seed = options.seed ?? DEFAULT_SEED;
  const ctx = new SeedContext(business, seed, options.ownerUserId ?? stableId(`owner:${business}`));
  const profile = businessProfile(business);
  const org = seedOrg(ctx, profile);
  const work = seedWork(ctx, profile, org);
  seedSales(ctx, profile, org, work);
  seedContent(ctx, profile, org, work);
  seedDashboards(ctx, org);
  if (options.people !== undefined) growPeople(ctx, profile, options.people);
  return ctx.finish();
}
