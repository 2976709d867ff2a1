/**
 * Stored records of the Redmine core shared by the Redmine family (Redmine, Planio, RedmineUP). Timestamps are
 * strings in Redmine's API form (`2024-01-08T09:00:00Z`); custom field values are kept on the customized record,
 * keyed by custom field id, as strings (or string lists for multi-value fields), the way Redmine stores them.
 */

/** Custom field values of one customized object: custom field id → value. */
export type CustomValues = Record<string, string | string[] | null>;

/** User status: 1 active, 2 registered, 3 locked. */
export type UserStatus = 1 | 2 | 3;

export interface UserRecord {
  id: number;
  login: string;
  password: string;
  firstname: string;
  lastname: string;
  mail: string;
  admin: boolean;
  status: UserStatus;
  api_key: string;
  /** Redmine's "hide my email address" preference. */
  hide_mail: boolean;
  created_on: string;
  updated_on: string;
  last_login_on: string | null;
  passwd_changed_on: string | null;
}

/** A role; `builtin` 1 is "Non member", 2 "Anonymous", 0 a regular role. */
export interface RoleRecord {
  id: number;
  name: string;
  builtin: 0 | 1 | 2;
  permissions: string[];
}

export interface MembershipRecord {
  id: number;
  project_id: number;
  user_id: number;
  role_ids: number[];
}

/** Project status: 1 active, 5 closed, 9 archived. */
export type ProjectStatus = 1 | 5 | 9;

export interface ProjectRecord {
  id: number;
  name: string;
  identifier: string;
  description: string | null;
  homepage: string;
  status: ProjectStatus;
  is_public: boolean;
  inherit_members: boolean;
  parent_id: number | null;
  tracker_ids: number[];
  issue_custom_field_ids: number[];
  default_assigned_to_id: number | null;
  custom_values: CustomValues;
  created_on: string;
  updated_on: string;
}

/** A module enabled on a project; the id is the activation row's id, as Redmine renders it. */
export interface EnabledModuleRecord {
  id: number;
  project_id: number;
  name: string;
}

export interface TrackerRecord {
  id: number;
  name: string;
  /** The status of a new issue; absent in states saved without it: the first issue status. */
  default_status_id?: number;
  /** Absent in states saved without it: null. */
  description?: string | null;
  /** The standard issue fields the tracker shows (`TRACKER_STANDARD_FIELDS`); absent: all of them. */
  enabled_standard_fields?: string[];
}

/** An issue status; a closed one closes the issues it is set on. */
export interface IssueStatusRecord {
  id: number;
  name: string;
  is_closed: boolean;
}

export interface IssueCategoryRecord {
  id: number;
  project_id: number;
  name: string;
  /** The user new issues of the category are assigned to; absent in states saved without it: none. */
  assigned_to_id?: number | null;
}

export interface ActivityRecord {
  id: number;
  name: string;
  active: boolean;
  /** Absent in states saved without it: false. */
  is_default?: boolean;
}

/** A document category (an enumeration, like priorities and activities). */
export interface DocumentCategoryRecord {
  id: number;
  name: string;
  is_default: boolean;
  active: boolean;
}

export interface PriorityRecord {
  id: number;
  name: string;
  is_default: boolean;
  active: boolean;
}

export interface CustomFieldRecord {
  id: number;
  name: string;
  /** What the field belongs to: `project`, `issue`, `user`, … and plugin types such as `contact`, `company`. */
  customized_type: string;
  /** `string`, `text`, `int`, `float`, `date`, `bool`, `list`, `link`, … */
  field_format: string;
  regexp: string;
  min_length: number | null;
  max_length: number | null;
  is_required: boolean;
  is_filter: boolean;
  searchable: boolean;
  multiple: boolean;
  default_value: string | null;
  visible: boolean;
  possible_values: string[];
  /** Issue custom fields: enabled for every project. */
  is_for_all: boolean;
  tracker_ids: number[];
  role_ids: number[];
}

/** What a custom field definition leaves at Redmine's defaults (spread first, then the field's own settings). */
export const CUSTOM_FIELD_DEFAULTS: Omit<CustomFieldRecord, 'id' | 'name' | 'customized_type' | 'field_format'> = {
  regexp: '',
  min_length: null,
  max_length: null,
  is_required: false,
  is_filter: false,
  searchable: false,
  multiple: false,
  default_value: null,
  visible: true,
  possible_values: [],
  is_for_all: false,
  tracker_ids: [],
  role_ids: [],
};
