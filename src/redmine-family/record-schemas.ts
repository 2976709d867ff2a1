import { field, type JsonSchema, type RecordSchemas, recordSchema } from '../store/record-check.js';
import type {
  ActivityRecord,
  CustomFieldRecord,
  DocumentCategoryRecord,
  EnabledModuleRecord,
  IssueCategoryRecord,
  IssueStatusRecord,
  MembershipRecord,
  PriorityRecord,
  ProjectRecord,
  RoleRecord,
  TrackerRecord,
  UserRecord,
} from './records.js';
import { VERSION_SHARINGS, VERSION_STATUSES, type VersionRecord } from './version-records.js';

const { string, boolean, id, timestamp, nullable, array, oneOf, map } = field;

/** Custom field values of a record: custom field id → a string, a list of strings (multi-value fields) or null. */
export const CUSTOM_VALUES: JsonSchema = {
  ...map({ anyOf: [string, array(string), { type: 'null' }] }),
  propertyNames: { pattern: '^[1-9]\\d*$' },
};

/**
 * Schemas of the Redmine core records every family state stores (`records.ts`), checked record by record when a
 * state is imported (`PUT /__crmkit/state`, fixtures, a state file at start). The compiler keeps each schema's keys
 * equal to its record type's.
 */
export const CORE_RECORD_SCHEMAS: RecordSchemas = {
  users: recordSchema<UserRecord>({
    id,
    login: string,
    password: string,
    firstname: string,
    lastname: string,
    mail: string,
    admin: boolean,
    status: oneOf(1, 2, 3),
    api_key: string,
    hide_mail: boolean,
    created_on: timestamp,
    updated_on: timestamp,
    last_login_on: nullable(timestamp),
    passwd_changed_on: nullable(timestamp),
  }),
  roles: recordSchema<RoleRecord>({ id, name: string, builtin: oneOf(0, 1, 2), permissions: array(string) }),
  memberships: recordSchema<MembershipRecord>({ id, project_id: id, user_id: id, role_ids: array(id) }),
  projects: recordSchema<ProjectRecord>({
    id,
    name: string,
    identifier: string,
    description: nullable(string),
    homepage: string,
    status: oneOf(1, 5, 9),
    is_public: boolean,
    inherit_members: boolean,
    parent_id: nullable(id),
    tracker_ids: array(id),
    issue_custom_field_ids: array(id),
    default_assigned_to_id: nullable(id),
    custom_values: CUSTOM_VALUES,
    created_on: timestamp,
    updated_on: timestamp,
  }),
  enabled_modules: recordSchema<EnabledModuleRecord>({ id, project_id: id, name: string }),
  trackers: recordSchema<TrackerRecord>(
    { id, name: string, default_status_id: id, description: nullable(string), enabled_standard_fields: array(string) },
    ['default_status_id', 'description', 'enabled_standard_fields'],
  ),
  issue_statuses: recordSchema<IssueStatusRecord>({ id, name: string, is_closed: boolean }),
  issue_categories: recordSchema<IssueCategoryRecord>(
    { id, project_id: id, name: string, assigned_to_id: nullable(id) },
    ['assigned_to_id'],
  ),
  versions: recordSchema<VersionRecord>({
    id,
    project_id: id,
    name: string,
    description: nullable(string),
    status: oneOf(...VERSION_STATUSES),
    due_date: nullable(field.date),
    sharing: oneOf(...VERSION_SHARINGS),
    wiki_page_title: nullable(string),
    created_on: timestamp,
    updated_on: timestamp,
  }),
  time_entry_activities: recordSchema<ActivityRecord>({ id, name: string, active: boolean, is_default: boolean }, [
    'is_default',
  ]),
  document_categories: recordSchema<DocumentCategoryRecord>({ id, name: string, is_default: boolean, active: boolean }),
  issue_priorities: recordSchema<PriorityRecord>({ id, name: string, is_default: boolean, active: boolean }),
  custom_fields: recordSchema<CustomFieldRecord>({
    id,
    name: string,
    customized_type: string,
    field_format: string,
    regexp: string,
    min_length: nullable(field.integer),
    max_length: nullable(field.integer),
    is_required: boolean,
    is_filter: boolean,
    searchable: boolean,
    multiple: boolean,
    default_value: nullable(string),
    visible: boolean,
    possible_values: array(string),
    is_for_all: boolean,
    tracker_ids: array(id),
    role_ids: array(id),
  }),
};
