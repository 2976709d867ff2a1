import type { components } from '../generated/redmine.js';
import type { DeepReadonly } from '../store/freeze.js';
import { isAdmin, type RedminePrincipal } from './principal.js';
import type { CustomFieldRecord, CustomValues } from './records.js';
import type { RedmineFamilyState } from './state.js';

/** The document's custom field value of a customized object. */
type CustomFieldValue = components['schemas']['CustomFieldValue'];

/** A custom field value as rendered on a customized object (`render_api_custom_values`); a `CustomFieldValue`. */
export interface CustomFieldValueOut {
  id: number;
  name: string;
  multiple?: true;
  value: string | string[] | null;
}

/**
 * The `custom_fields` array of a customized object: one entry per custom field of `customizedType` the caller may
 * see, in field order, `null` where no value was ever set, `multiple: true` with an array for multi-value fields.
 * Undefined when there is no such field, so the caller leaves the key out (as Redmine does).
 * @see redmine CustomFieldsHelper#render_api_custom_values
 */
export function renderCustomValues(
  state: RedmineFamilyState,
  customizedType: string,
  values: DeepReadonly<CustomValues> | undefined,
  principal: RedminePrincipal,
): CustomFieldValueOut[] | undefined {
  const admin = isAdmin(principal);
  const fields = state.customFields.all((f) => f.customized_type === customizedType && (f.visible || admin));
  if (fields.length === 0) return undefined;
  return fields.map((f) => {
    const v = values?.[String(f.id)];
    if (f.multiple) {
      const value = Array.isArray(v) ? [...v] : v ? [v] : [];
      return { id: f.id, name: f.name, multiple: true, value } satisfies CustomFieldValue;
    }
    return {
      id: f.id,
      name: f.name,
      value: Array.isArray(v) ? (v[0] ?? null) : ((v as string | null | undefined) ?? null),
    } satisfies CustomFieldValue;
  });
}

/** A custom field definition as `GET /custom_fields` renders it. */
export type CustomFieldDefinitionView = components['schemas']['CustomField'];

/**
 * A custom field definition as `GET /custom_fields` renders it: possible values for fields with choices, trackers
 * and roles for issue custom fields.
 * @see redmine app/views/custom_fields/index.api.rsb
 */
export function renderCustomFieldDefinition(
  state: RedmineFamilyState,
  field: DeepReadonly<CustomFieldRecord>,
): CustomFieldDefinitionView {
  const options =
    field.field_format === 'bool'
      ? [
          { value: '1', label: 'Yes' },
          { value: '0', label: 'No' },
        ]
      : field.possible_values.map((v) => ({ value: v, label: v }));
  const possible: Pick<CustomFieldDefinitionView, 'possible_values'> =
    options.length > 0 ? { possible_values: options } : {};
  const issue: Pick<CustomFieldDefinitionView, 'trackers' | 'roles'> =
    field.customized_type === 'issue'
      ? {
          trackers: field.tracker_ids.map((id) => ({ id, name: state.trackers.get(id)?.name ?? '' })),
          roles: field.role_ids.map((id) => ({ id, name: state.roles.get(id)?.name ?? '' })),
        }
      : {};
  return {
    id: field.id,
    name: field.name,
    customized_type: field.customized_type,
    field_format: field.field_format,
    regexp: field.regexp,
    min_length: field.min_length,
    max_length: field.max_length,
    is_required: field.is_required,
    is_filter: field.is_filter,
    searchable: field.searchable,
    multiple: field.multiple,
    default_value: field.default_value,
    visible: field.visible,
    ...possible,
    ...issue,
  };
}
