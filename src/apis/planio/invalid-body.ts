import { redmineInvalidBody } from '../../redmine-family/index.js';
import type { ValidationIssue } from '../../server/ajv.js';
import type { RoutedRequest } from '../../server/types.js';

/** `/company/project_ids` and `/company/project_ids/<n>`. */
const PROJECT_ID = /^\/company\/project_ids(?:\/\d+)?$/;

/**
 * The family's reaction to a body that breaks its schema, minus project ids that are not integers: Rails casts
 * digit strings (`"project_ids": ["1", "5"]`, as in the announcement's own example), so the handler accepts them and
 * answers `Project is invalid` for anything else. Every other issue is handled as the family does (422 `<Attribute> is invalid`, or an empty resource).
 */
export function planioInvalidBody(issues: ValidationIssue[], body: unknown, req: RoutedRequest): unknown {
  const real = issues.filter((issue) => !isProjectIdType(issue));
  return redmineInvalidBody(real, body, req);
}

/** A project id of the wrong JSON type: left to the handler, which answers `Project is invalid` unless it casts. */
function isProjectIdType(issue: ValidationIssue): boolean {
  return issue.keyword === 'type' && PROJECT_ID.test(issue.pointer);
}
