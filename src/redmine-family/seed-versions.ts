import type { FamilyCollections } from './collections.js';
import { formatTimestamp } from './time.js';
import type { VersionRecord } from './version-records.js';

const DAY = 86_400_000;
/** Seeded versions are created from here on, a day apart; the same for every seed. */
const EPOCH = Date.UTC(2024, 0, 8, 9, 0, 0);

/** The seeded versions, by index of the seeded project they belong to. */
const VERSIONS: (Omit<VersionRecord, 'id' | 'project_id' | 'created_on' | 'updated_on'> & { project: number })[] = [
  {
    project: 0,
    name: '1.0',
    description: 'First release.',
    status: 'closed',
    due_date: '2024-02-05',
    sharing: 'none',
    wiki_page_title: null,
  },
  {
    project: 0,
    name: '2.0',
    description: '',
    status: 'open',
    due_date: '2024-06-28',
    sharing: 'descendants',
    wiki_page_title: null,
  },
  {
    project: 1,
    name: 'Q3',
    description: '',
    status: 'locked',
    due_date: null,
    sharing: 'system',
    wiki_page_title: 'Roadmap',
  },
  {
    project: 2,
    name: 'Beta',
    description: 'Private beta.',
    status: 'open',
    due_date: '2024-04-01',
    sharing: 'none',
    wiki_page_title: null,
  },
];

/**
 * Seeds versions and issue categories on the seeded projects (`projectIds`, in the core layout's order): on the
 * first public project versions 1 `1.0` (closed) and 2 `2.0` (shared with its subprojects) and categories 1
 * `Backend` (assigned to jsmith) and 2 `Frontend`; on the second public project version 3 `Q3` (locked, shared with
 * every project); on the first private project version 4 `Beta` and category 3 `Operations`. The same for every
 * seed, and drawing nothing from the seed's random numbers, so the data seeded after it does not move.
 */
export function seedVersionsAndCategories(state: FamilyCollections, projectIds: readonly number[], jsmith: number) {
  VERSIONS.forEach(({ project, ...version }, i) => {
    const at = formatTimestamp(EPOCH + i * DAY);
    state.versions.insert({ ...version, project_id: projectIds[project] as number, created_on: at, updated_on: at });
  });
  const first = projectIds[0] as number;
  state.issueCategories.insert({ project_id: first, name: 'Backend', assigned_to_id: jsmith });
  state.issueCategories.insert({ project_id: first, name: 'Frontend', assigned_to_id: null });
  state.issueCategories.insert({ project_id: projectIds[2] as number, name: 'Operations', assigned_to_id: null });
}
