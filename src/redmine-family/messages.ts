import { ApiError } from '../server/errors.js';

/**
 * Redmine's English validation messages: ActiveRecord full messages, `<attribute label> <message>`.
 * @see redmine config/locales/en.yml (activerecord.errors.messages)
 */
export const messages = {
  blank: (label: string) => `${label} cannot be blank`,
  invalid: (label: string) => `${label} is invalid`,
  taken: (label: string) => `${label} has already been taken`,
  reserved: (label: string) => `${label} is reserved`,
  inclusion: (label: string) => `${label} is not included in the list`,
  notANumber: (label: string) => `${label} is not a number`,
  notADate: (label: string) => `${label} is not a valid date`,
  tooLong: (label: string, max: number) => `${label} is too long (maximum is ${max} character${max === 1 ? '' : 's'})`,
  tooShort: (label: string, min: number) =>
    `${label} is too short (minimum is ${min} character${min === 1 ? '' : 's'})`,
} as const;

/** Labels Redmine uses for attributes whose label is not the humanized name. */
const LABELS: Record<string, string> = {
  is_public: 'Public',
  parent_id: 'Subproject of',
  parent: 'Subproject of',
  default_assigned_to_id: 'Default assignee',
  default_version_id: 'Default version',
  enabled_module_names: 'Modules',
  tracker_ids: 'Trackers',
  firstname: 'First name',
  lastname: 'Last name',
  mail: 'Email',
  custom_fields: 'Custom fields',
};

/**
 * The label of an attribute in a full message: Redmine's own label where it differs, otherwise Rails'
 * `humanize` (`inherit_members` → "Inherit members", `assigned_to_id` → "Assigned to").
 */
export function attributeLabel(attribute: string): string {
  const known = LABELS[attribute];
  if (known) return known;
  const words = attribute.replace(/_id$/, '').replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Collects validation messages in order, without duplicates, and throws them as one 422. */
export class ValidationErrors {
  private readonly list: string[] = [];

  /** Adds a message. */
  add(message: string): this {
    if (!this.list.includes(message)) this.list.push(message);
    return this;
  }

  /** Adds several messages. */
  addAll(list: readonly string[]): this {
    for (const m of list) this.add(m);
    return this;
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** The messages so far. */
  get all(): readonly string[] {
    return this.list;
  }

  /** Throws a VALIDATION ApiError when there is at least one message. */
  throwIfAny(): void {
    if (this.list.length > 0) throw ApiError.validation([...this.list]);
  }
}
