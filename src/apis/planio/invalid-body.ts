import { redmineInvalidBody } from '../../redmine-family/index.js';
import type { ValidationIssue } from '../../server/ajv.js';
import type { RoutedRequest } from '../../server/types.js';

/** `/<resource>/custom_fields/<n>/value`. */
const CUSTOM_FIELD_VALUE = /^\/[a-z_]+\/custom_fields\/\d+\/value$/;
/** `/company/project_ids` and `/company/project_ids/<n>`. */
const PROJECT_ID = /^\/company\/project_ids(?:\/\d+)?$/;

/**
 * The family's reaction to a body that breaks its schema, minus two cases Planio accepts:
 * - project ids that are not integers: Rails casts digit strings (`"project_ids": ["1", "5"]`, as in the
 *   announcement's own example), so the handler accepts them and answers `Project is invalid` for anything else;
 * - XML and form custom field values: they are validated with type coercion, and a value such as
 *   `<value>K-1042</value>` then fits both branches of the `CustomFieldInput` value (a string, and an array of one
 *   string), so `oneOf` fails although Redmine accepts it; the handler validates the value against its field.
 * Every other issue is handled as the family does (422 `<Attribute> is invalid`, or an empty resource).
 */
export function planioInvalidBody(issues: ValidationIssue[], body: unknown, req: RoutedRequest): unknown {
  const real = issues.filter((issue) => !isCoercionAmbiguity(issue) && !isProjectIdType(issue));
  return redmineInvalidBody(real, body, req);
}

function isCoercionAmbiguity(issue: ValidationIssue): boolean {
  const passing = issue.params.passingSchemas;
  return (
    issue.keyword === 'oneOf' && CUSTOM_FIELD_VALUE.test(issue.pointer) && Array.isArray(passing) && passing.length > 1
  );
}

/** A project id of the wrong JSON type: left to the handler, which answers `Project is invalid` unless it casts. */
function isProjectIdType(issue: ValidationIssue): boolean {
  return issue.keyword === 'type' && PROJECT_ID.test(issue.pointer);
}
