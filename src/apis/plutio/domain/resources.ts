/** Operations of the v1.8 index: Create, Get (read), Update, Delete, Move, Copy. */
export type Operation = 'create' | 'read' | 'update' | 'delete' | 'move' | 'copy';

/** How a resource is described in the catalogue. */
export interface ResourceDef {
  /** Path name, e.g. `task-groups` (also the collection name). */
  name: string;
  /** Singular type used in `entityType` fields and trash entries, e.g. `task-group`. */
  entityType: string;
  ops: readonly Operation[];
  /** Field holding the display title (`name` for projects, invoices, proposals, contracts). */
  titleField: 'title' | 'name';
  /** Deleting puts the record in the trash bin (otherwise it is removed outright). */
  trash: boolean;
}

const CRUD = ['create', 'read', 'update', 'delete'] as const satisfies readonly Operation[];
const def = <const N extends string, const O extends readonly Operation[]>(
  name: N,
  entityType: string,
  ops: O,
  extra: Partial<Pick<ResourceDef, 'titleField' | 'trash'>> = {},
) => ({ name, entityType, ops, titleField: 'title', trash: false, ...extra }) as const satisfies ResourceDef;

/**
 * The 37 resource groups of the Plutio v1.8 index with the operations each offers. Roles have no read operation;
 * block groups, businesses and dashboards are update and read only; profiles and dashboard data are read only.
 * @see docs/sources.md#plutio-index — the v1.8 operation list (src/spec/fixtures/plutio-v1.8-operations.txt).
 */
export const RESOURCES = [
  def('block-groups', 'blocks-group', ['read', 'update']),
  def('blocks', 'block', CRUD),
  def('businesses', 'business', ['read', 'update'], { titleField: 'name' }),
  def('canned-responses', 'canned-response', CRUD, { trash: true }),
  def('categories', 'category', CRUD),
  def('comments', 'comment', CRUD),
  def('companies', 'company', CRUD, { trash: true }),
  def('contracts', 'contract', CRUD, { titleField: 'name', trash: true }),
  def('conversations', 'conversation', CRUD, { trash: true }),
  def('custom-fields', 'custom-field', CRUD),
  def('dashboard-data', 'dashboard-data', ['read']),
  def('dashboard-pages', 'dashboard-page', CRUD, { trash: true }),
  def('dashboards', 'dashboard', ['read', 'update']),
  def('events', 'event', CRUD, { trash: true }),
  def('file-folders', 'file-folder', [...CRUD, 'move'], { trash: true }),
  def('files', 'file', [...CRUD, 'move'], { trash: true }),
  def('form-responses', 'form-response', CRUD, { titleField: 'name' }),
  def('forms', 'form', [...CRUD, 'copy'], { trash: true }),
  def('inbox-groups', 'inbox-group', CRUD),
  def('invoice-subscriptions', 'invoice-subscription', CRUD, { trash: true }),
  def('invoices', 'invoice', CRUD, { titleField: 'name', trash: true }),
  def('items', 'item', CRUD, { trash: true }),
  def('notes', 'note', CRUD, { trash: true }),
  def('people', 'person', CRUD, { titleField: 'name', trash: true }),
  def('profiles', 'profile', ['read'], { titleField: 'name' }),
  def('projects', 'project', [...CRUD, 'move', 'copy'], { titleField: 'name', trash: true }),
  def('proposals', 'proposal', CRUD, { titleField: 'name', trash: true }),
  def('roles', 'role', ['create', 'update', 'delete']),
  def('statuses', 'status', [...CRUD, 'move']),
  def('task-boards', 'task-board', [...CRUD, 'move', 'copy'], { trash: true }),
  def('task-groups', 'task-group', [...CRUD, 'move', 'copy'], { trash: true }),
  def('tasks', 'task', [...CRUD, 'move', 'copy'], { trash: true }),
  def('templates', 'template', CRUD, { trash: true }),
  def('time-tracks', 'time-track', CRUD),
  def('trash-bin', 'trash', ['read', 'delete']),
  def('wiki', 'wiki', CRUD, { trash: true }),
  def('wiki-entities', 'wiki-entity', [...CRUD, 'move'], { trash: true }),
] as const;

/** A collection (resource path) name. */
export type CollectionName = (typeof RESOURCES)[number]['name'];

/** Every collection name, in index order. */
export const COLLECTIONS: readonly CollectionName[] = RESOURCES.map((r) => r.name);

const BY_NAME = new Map<string, ResourceDef>(RESOURCES.map((r) => [r.name, r]));

/** Whether a string names a collection. */
export function isCollectionName(name: string): name is CollectionName {
  return BY_NAME.has(name);
}

/** The catalogue entry of a collection. */
export function resourceDef(name: CollectionName): ResourceDef {
  return BY_NAME.get(name) as ResourceDef;
}

/** Whether the v1.8 index offers `op` on the collection. */
export function supports(name: string, op: Operation): boolean {
  return BY_NAME.get(name)?.ops.includes(op) ?? false;
}

/**
 * Maps an `entityType` value used by attachments (`comments`, `blocks`, `notes`, `files`, …) to the collection that
 * holds such records. `wiki-page` is a wiki entity of type page. Unknown types (`scheduler`, `receipt`, `email`, …)
 * have no collection in v1.8.
 */
export function collectionForEntityType(entityType: unknown): CollectionName | undefined {
  if (entityType === 'wiki-page' || entityType === 'wiki-category') return 'wiki-entities';
  const found = RESOURCES.find((r) => r.entityType === entityType);
  return found?.name;
}
