import {
  applyCustomFieldInput,
  has,
  messages,
  readCustomFieldInput,
  ValidationErrors,
} from '../../redmine-family/index.js';
import type { LooseBody } from '../../server/typed-handlers.js';
import {
  blank,
  boundedText,
  decimalText,
  optionalDate,
  optionalId,
  optionalInt,
  STRING_MAX,
  TEXT_MAX,
  text,
} from './input-values.js';
import { DEAL_CUSTOM_FIELD_TYPE, type Deal, type DealRecord } from './records.js';
import type { DealInput } from './schemas.js';
import type { RedmineUpState } from './state.js';

/** The `deal` attributes of a create or update body, as sent (any of them may be missing). */
export type DealAttributes = LooseBody<DealInput>;

/** Deal fields a create or update may change, after validation. */
export type DealChanges = Partial<Omit<DealRecord, 'id' | 'project_id' | 'author_id' | 'created_on' | 'updated_on'>>;

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * Validates the `deal` attributes of a create (`existing` undefined) or update of a deal in `projectId`, with the
 * plugin's rules and messages: "Name cannot be blank" / "is too long", "Price is not a number", integer fields,
 * "Due date is invalid", "Status cannot be blank" (unknown status), "Category is invalid" (not a category of the
 * project), "Contact is invalid", "Assignee is invalid", then the deal custom fields. A new deal without
 * `status_id` gets the default status. Throws one 422 listing every problem.
 * @see redmine_contacts app/models/deal.rb
 */
export function validateDealAttributes(
  state: RedmineUpState,
  attrs: DealAttributes,
  existing: Deal | undefined,
  projectId: number,
): DealChanges {
  const errors = new ValidationErrors();
  const changes: DealChanges = {};
  if (has(attrs, 'name') || !existing) {
    const name = text(attrs.name);
    if (name === null || blank(name)) errors.add(messages.blank('Name'));
    else if (name.length > STRING_MAX) errors.add(messages.tooLong('Name', STRING_MAX));
    else changes.name = name;
  }
  if (has(attrs, 'price')) {
    const price = blank(attrs.price) ? null : String(attrs.price).replace(/\s+/g, '');
    if (price !== null && !DECIMAL.test(price)) errors.add(messages.notANumber('Price'));
    else changes.price = price === null ? null : decimalText(price);
  }
  if (has(attrs, 'currency')) {
    const currency = boundedText(attrs.currency, 'Currency', STRING_MAX, errors);
    if (currency !== undefined) changes.currency = currency;
  }
  if (has(attrs, 'background')) {
    const background = boundedText(attrs.background, 'Background', TEXT_MAX, errors);
    if (background !== undefined) changes.background = background;
  }
  for (const key of ['price_type', 'duration', 'probability'] as const) {
    if (!has(attrs, key)) continue;
    const value = optionalInt(attrs[key]);
    if (Number.isNaN(value)) errors.add(messages.notANumber(label(key)));
    else changes[key] = value;
  }
  if (has(attrs, 'due_date')) {
    const date = optionalDate(attrs.due_date);
    if (date === undefined) errors.add(messages.invalid('Due date'));
    else changes.due_date = date;
  }
  if (has(attrs, 'status_id')) {
    const id = optionalId(attrs.status_id);
    if (id === null || !state.dealStatuses.get(id)) errors.add(messages.blank('Status'));
    else changes.status_id = id;
  } else if (!existing) {
    const status = state.dealStatuses.find((s) => s.is_default) ?? state.dealStatuses.all()[0];
    if (status) changes.status_id = status.id;
    else errors.add(messages.blank('Status'));
  }
  reference(attrs, 'category_id', 'Category', (id) => state.dealCategories.get(id)?.project_id === projectId);
  reference(attrs, 'contact_id', 'Contact', (id) => !!state.contacts.get(id));
  reference(attrs, 'assigned_to_id', 'Assignee', (id) => !!state.users.get(id));
  changes.custom_values = applyCustomFieldInput(
    state,
    DEAL_CUSTOM_FIELD_TYPE,
    existing?.custom_values,
    readCustomFieldInput(attrs),
    errors,
  );
  errors.throwIfAny();
  return changes;

  function reference(
    input: DealAttributes,
    key: 'category_id' | 'contact_id' | 'assigned_to_id',
    name: string,
    exists: (id: number) => boolean,
  ): void {
    if (!has(input, key)) return;
    const id = optionalId(input[key]);
    if (id !== null && !exists(id)) errors.add(messages.invalid(name));
    else changes[key] = id;
  }
}

function label(key: string): string {
  return key === 'price_type' ? 'Price type' : key.charAt(0).toUpperCase() + key.slice(1);
}
