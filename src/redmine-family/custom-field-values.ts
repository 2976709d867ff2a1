import type { DeepReadonly } from '../store/freeze.js';
import { messages, type ValidationErrors } from './messages.js';
import type { CustomFieldRecord, CustomValues } from './records.js';
import type { RedmineFamilyState } from './state.js';

type Field = DeepReadonly<CustomFieldRecord>;

/**
 * Reads custom field values from a resource's attributes: `custom_field_values` (`{"1": "x"}`) and then
 * `custom_fields` (`[{"id": 1, "value": "x"}]`; XML `<custom_field id="1"><value>x</value></custom_field>`).
 * Entries without an id or without a `value` key are ignored, as Redmine does.
 * @see redmine lib/plugins/acts_as_customizable custom_field_values=
 */
export function readCustomFieldInput(attrs: Record<string, unknown>): Map<number, unknown> {
  const out = new Map<number, unknown>();
  const map = attrs.custom_field_values;
  if (map && typeof map === 'object' && !Array.isArray(map)) {
    for (const [id, value] of Object.entries(map)) if (/^\d+$/.test(id)) out.set(Number(id), value);
  }
  const list = attrs.custom_fields;
  if (Array.isArray(list)) {
    for (const entry of list) {
      if (!entry || typeof entry !== 'object' || !('value' in entry)) continue;
      const id = Number((entry as Record<string, unknown>).id);
      if (Number.isInteger(id) && id > 0) out.set(id, (entry as Record<string, unknown>).value);
    }
  }
  return out;
}

/**
 * Merges submitted values into a record's values for the custom fields of `customizedType`, validating each as
 * Redmine's field formats do (numbers, dates, list inclusion, regexp, lengths, required). New records get the
 * fields' default values. Values for fields of another type are ignored. Messages go to `errors`.
 */
export function applyCustomFieldInput(
  state: RedmineFamilyState,
  customizedType: string,
  existing: DeepReadonly<CustomValues> | undefined,
  input: Map<number, unknown>,
  errors: ValidationErrors,
): CustomValues {
  const values: CustomValues = {};
  for (const field of state.customFields.all((f) => f.customized_type === customizedType)) {
    const key = String(field.id);
    let value: string | string[] | null;
    if (input.has(field.id)) value = normalize(field, input.get(field.id));
    else if (existing && key in existing) value = copyValue(existing[key]);
    else value = field.default_value === null || field.default_value === '' ? null : field.default_value;
    errors.addAll(validate(field, value));
    values[key] = value;
  }
  return values;
}

function copyValue(v: DeepReadonly<string | string[] | null> | undefined): string | string[] | null {
  if (v === undefined) return null;
  return Array.isArray(v) ? [...v] : (v as string | null);
}

function normalize(field: Field, raw: unknown): string | string[] | null {
  const one = (v: unknown): string | null => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'boolean') return v ? '1' : '0';
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  if (field.multiple) {
    const list = Array.isArray(raw) ? raw : [raw];
    return list.map(one).filter((v): v is string => v !== null && v !== '');
  }
  return one(Array.isArray(raw) ? raw[0] : raw);
}

function validate(field: Field, value: string | string[] | null): string[] {
  const list = value === null ? [] : Array.isArray(value) ? value : value === '' ? [] : [value];
  if (list.length === 0) return field.is_required ? [messages.blank(field.name)] : [];
  const out: string[] = [];
  for (const v of list) {
    const problem = formatProblem(field, v);
    if (problem) out.push(problem);
  }
  return out;
}

/**
 * Longest custom value without a field `max_length`: 65,535 characters. `custom_values.value` is a text column,
 * which Redmine does not check; the bound is MySQL's `TEXT` size, and it is checked before the field's regexp runs.
 */
const CUSTOM_VALUE_MAX = 65_535;

function formatProblem(field: Field, v: string): string | undefined {
  const { name } = field;
  switch (field.field_format) {
    case 'int':
      return /^[+-]?\d+$/.test(v.trim()) ? undefined : messages.notANumber(name);
    case 'float':
      return Number.isFinite(Number(v)) && v.trim() !== '' ? undefined : messages.invalid(name);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : messages.notADate(name);
    case 'bool':
      return v === '0' || v === '1' ? undefined : messages.inclusion(name);
    case 'list':
    case 'enumeration':
      return field.possible_values.includes(v) ? undefined : messages.inclusion(name);
  }
  if (v.length > CUSTOM_VALUE_MAX) return messages.tooLong(name, CUSTOM_VALUE_MAX);
  if (field.regexp !== '' && !safeRegExp(field.regexp)?.test(v)) return messages.invalid(name);
  if (field.min_length !== null && v.length < field.min_length) return messages.tooShort(name, field.min_length);
  if (field.max_length !== null && v.length > field.max_length) return messages.tooLong(name, field.max_length);
  return undefined;
}

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}
