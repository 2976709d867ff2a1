/**
 * The Redmine family's shared core: state, seeding, authentication, access checks, paging, list rendering, custom
 * fields, validation messages, error rendering and the module builder that Redmine, Planio and RedmineUP share.
 */
export * from './access.js';
export { authenticateRedmine } from './auth.js';
export * from './credentials.js';
export { applyCustomFieldInput, readCustomFieldInput } from './custom-field-values.js';
export {
  type CustomFieldDefinitionView,
  type CustomFieldValueOut,
  renderCustomFieldDefinition,
  renderCustomValues,
} from './custom-fields.js';
export { renderRedmineError, validationResponse } from './errors.js';
export type { FamilyOperationContext, FamilyOperationHandler, FamilyTypedHandlers } from './handler-types.js';
export { has, isPlainObject, redmineInvalidBody, resourceAttributes } from './input.js';
export { type ListBody, listBody, type PagedListBody, pagedListBody, wantsNometa } from './list.js';
export { attributeLabel, messages, ValidationErrors } from './messages.js';
export * from './module.js';
export { apiOffsetAndLimit, type Page, paginate, rubyToI } from './paging.js';
export { isAdmin, type RedminePrincipal, type User } from './principal.js';
export * from './records.js';
export { TRACKER_STANDARD_FIELDS } from './seed-trackers.js';
export { FamilyCollections, type FamilyStateOptions, RedmineFamilyState } from './state.js';
export { formatTimestamp, nowTimestamp } from './time.js';
export { renderCurrentUser, type UserView, userName } from './user-view.js';
