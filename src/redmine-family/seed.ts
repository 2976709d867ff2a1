import type { Rng } from '../store/prng.js';
import type { FamilyCollections } from './collections.js';
import {
  ADMIN_LOGIN,
  ADMIN_PASSWORD,
  DEFAULT_ADMIN_API_KEY,
  JSMITH_API_KEY,
  JSMITH_LOGIN,
  JSMITH_PASSWORD,
} from './credentials.js';
import type { CustomValues, ProjectStatus } from './records.js';
import {
  COST_CENTERS,
  DEFAULT_MODULES,
  PEOPLE,
  PROJECT_DESCRIPTIONS,
  PROJECT_NAMES,
  REGIONS,
  shuffled,
  slug,
} from './seed-data.js';
import { seedReferenceData } from './seed-reference.js';
import { seedVersionsAndCategories } from './seed-versions.js';
import { formatTimestamp } from './time.js';

const DAY = 86_400_000;
/** Seeded timestamps start here, so that seeded data does not depend on the clock. */
const EPOCH = Date.UTC(2024, 0, 8, 9, 0, 0);

/** The seeded project layout: visibility, jsmith's role (if any), parent index and status. */
const LAYOUT: { isPublic: boolean; jsmithRole?: number; otherRole?: number; parent?: number; status: ProjectStatus }[] =
  [
    { isPublic: true, jsmithRole: 3, status: 1 },
    { isPublic: true, otherRole: 3, status: 1 },
    { isPublic: false, jsmithRole: 4, otherRole: 3, status: 1 },
    { isPublic: false, otherRole: 3, status: 1 },
    { isPublic: true, parent: 0, status: 1 },
    { isPublic: true, status: 5 },
  ];

/**
 * Seeds the Redmine core: users (admin, jsmith, two more, one of them locked), roles, trackers, priorities,
 * activities, custom fields, and six projects: two public, two private (jsmith is a member of one), a subproject and
 * a closed project. jsmith is Manager of the first public project and Developer of the first private one. Names,
 * descriptions and custom values vary with the seed; the layout does not.
 */
export function seedCore(state: FamilyCollections, rng: Rng): void {
  seedReferenceData(state);
  const at = (days: number) => formatTimestamp(EPOCH + days * DAY + rng.int(0, 8 * 3600) * 1000);
  const adminKey = state.options.adminApiKey ?? DEFAULT_ADMIN_API_KEY;
  const user = (login: string, password: string, names: readonly [string, string], key: string, admin = false) => {
    const created = at(0);
    return state.users.insert({
      login,
      password,
      firstname: names[0],
      lastname: names[1],
      mail: `${login}@example.net`,
      admin,
      status: 1,
      api_key: key,
      hide_mail: !admin,
      created_on: created,
      updated_on: created,
      last_login_on: null,
      passwd_changed_on: null,
    });
  };
  user(ADMIN_LOGIN, ADMIN_PASSWORD, ['Redmine', 'Admin'], adminKey, true);
  const jsmith = user(JSMITH_LOGIN, JSMITH_PASSWORD, ['John', 'Smith'], JSMITH_API_KEY);
  const [first, second] = shuffled(PEOPLE, rng.next);
  const login = (p: readonly [string, string]) =>
    `${p[0].charAt(0)}${p[1]}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z]/g, '');
  const other = user(login(first!), login(first!), first!, rng.hex(40));
  const locked = user(login(second!), login(second!), second!, rng.hex(40));
  state.users.update(locked.id, { status: 3 });

  const names = shuffled(PROJECT_NAMES, rng.next).slice(0, LAYOUT.length);
  const ids: number[] = [];
  LAYOUT.forEach((layout, i) => {
    const name = names[i] as string;
    const created = at(i * 3);
    const customValues: CustomValues = { '1': rng.chance(0.8) ? rng.pick(COST_CENTERS) : null, '2': rng.pick(REGIONS) };
    const project = state.projects.insert({
      name,
      identifier: slug(name),
      description: rng.chance(0.85) ? rng.pick(PROJECT_DESCRIPTIONS) : null,
      homepage: rng.chance(0.5) ? `https://${slug(name)}.example.com` : '',
      status: layout.status,
      is_public: layout.isPublic,
      inherit_members: false,
      parent_id: layout.parent === undefined ? null : (ids[layout.parent] ?? null),
      tracker_ids: [1, 2, 3],
      issue_custom_field_ids: [],
      default_assigned_to_id: null,
      custom_values: customValues,
      created_on: created,
      updated_on: created,
    });
    ids.push(project.id);
    for (const module of DEFAULT_MODULES) state.enabledModules.insert({ project_id: project.id, name: module });
    if (layout.jsmithRole)
      state.memberships.insert({ project_id: project.id, user_id: jsmith.id, role_ids: [layout.jsmithRole] });
    if (layout.otherRole)
      state.memberships.insert({ project_id: project.id, user_id: other.id, role_ids: [layout.otherRole] });
  });
  seedVersionsAndCategories(state, ids, jsmith.id);
}
