import type { components } from '../../../generated/plutio.js';
import type { JsonObject } from './json.js';
import type { CollectionName } from './resources.js';

/** The schemas of the Plutio document, as `npm run generate` writes them to `src/generated/plutio.ts`. */
export type Schemas = components['schemas'];

/** The schema of each collection's records: what every operation on the collection answers. */
export const RECORD_SCHEMAS = {
  'block-groups': 'BlockGroup',
  blocks: 'Block',
  businesses: 'Business',
  'canned-responses': 'CannedResponse',
  categories: 'Category',
  comments: 'Comment',
  companies: 'Company',
  contracts: 'Contract',
  conversations: 'Conversation',
  'custom-fields': 'CustomField',
  'dashboard-data': 'DashboardData',
  'dashboard-pages': 'DashboardPage',
  dashboards: 'Dashboard',
  events: 'Event',
  'file-folders': 'FileFolder',
  files: 'File',
  'form-responses': 'FormResponse',
  forms: 'Form',
  'inbox-groups': 'InboxGroup',
  'invoice-subscriptions': 'InvoiceSubscription',
  invoices: 'Invoice',
  items: 'Item',
  notes: 'Note',
  people: 'Person',
  profiles: 'Profile',
  projects: 'Project',
  proposals: 'Proposal',
  roles: 'Role',
  statuses: 'Status',
  'task-boards': 'TaskBoard',
  'task-groups': 'TaskGroup',
  tasks: 'Task',
  templates: 'Template',
  'time-tracks': 'TimeTrack',
  'trash-bin': 'TrashBinItem',
  wiki: 'Wiki',
  'wiki-entities': 'WikiEntity',
} as const satisfies Record<CollectionName, keyof Schemas>;

/** A record of collection `C` as the document describes it (`RecordOf<'people'>` is `Person`). */
export type RecordOf<C extends CollectionName> = Schemas[(typeof RECORD_SCHEMAS)[C]];

/**
 * `T` without its index signatures, at every level: only the fields the document names. An object literal of this
 * type fails to compile when it writes a field the document does not have (such as one renamed there), which the
 * open schemas (`additionalProperties` allowed) would otherwise accept silently.
 */
export type Known<T> = T extends readonly (infer E)[]
  ? Known<E>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Known<T[K]> }
    : T;

/** The fields of a record of `C` that the document names, each optional: what rules and seeds write. */
export type FieldsOf<C extends CollectionName> = Partial<Known<RecordOf<C>>>;

/** Stored records, one or a list, as their collection's schema type. */
export type Typed<C extends CollectionName, S> = S extends ReadonlyArray<unknown> ? RecordOf<C>[] : RecordOf<C>;

/**
 * Gives stored records of `collection` the document's schema type: the one place where the store's JSON objects
 * meet the generated types. Sound because a record only enters the store in a shape the document allows: write
 * bodies are validated against the operation's schema before the rules complete them (the rules' own fields are
 * typed by these schemas), and a snapshot is checked record by record against the collection's schema on import.
 * Shared reads stay frozen: the type does not say so, so code that changes a record works on a copy.
 */
export function schemaTyped<
  C extends CollectionName,
  S extends Readonly<JsonObject> | ReadonlyArray<Readonly<JsonObject>>,
>(_collection: C, stored: S): Typed<C, S> {
  return stored as unknown as Typed<C, S>;
}
