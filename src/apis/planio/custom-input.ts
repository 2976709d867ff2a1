import { isAdmin, type RedminePrincipal } from '../../redmine-family/index.js';
import type { PlanioState } from './state.js';

/**
 * The submitted custom field values the caller may set: administrators any field of the type; other users only the
 * visible ones (a field hidden from them, such as "Credit limit", is ignored as Redmine ignores non-editable fields).
 */
export function readVisibleCustomFields(
  state: PlanioState,
  principal: RedminePrincipal,
  customizedType: string,
  input: Map<number, unknown>,
): Map<number, unknown> {
  if (isAdmin(principal)) return input;
  const out = new Map<number, unknown>();
  for (const [id, value] of input) {
    const field = state.customFields.get(id);
    if (field && field.customized_type === customizedType && field.visible) out.set(id, value);
  }
  return out;
}
