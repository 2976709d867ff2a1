import { createRedmineFamilyModule, type RedminePrincipal, redmineInvalidBody } from '../../redmine-family/index.js';
import type { ValidationIssue } from '../../server/ajv.js';
import type { ApiModule, ModuleOptions } from '../../server/types.js';
import { loadBundledSpec } from '../../spec/load.js';
import { redmineUpHandlers } from './handlers.js';
import { RedmineUpState } from './state.js';

export { RedmineUpState } from './state.js';

/**
 * The `redmineup` API: the RedmineUP CRM plugin (Pro 4.x) on Redmine 5 — contacts, contact projects, notes, deals,
 * deal statuses and contact tags, plus the Redmine core subset — over the family's shared conventions, with state
 * seeded from `options.seed`.
 */
export function createRedmineUpModule(options: ModuleOptions): ApiModule<RedmineUpState, RedminePrincipal> {
  const state = new RedmineUpState({ seed: options.seed, adminApiKey: options.adminApiKey });
  state.reset();
  const module = createRedmineFamilyModule({
    id: 'redmineup',
    basePath: '/redmineup',
    document: loadBundledSpec('redmineup'),
    state,
    handlers: redmineUpHandlers(),
  });
  return {
    ...module,
    onInvalidBody: (issues, body, req) =>
      redmineInvalidBody(
        issues.filter((i) => !ambiguousOneOf(i)),
        body,
        req,
      ),
  };
}

/**
 * XML and form values are validated with type coercion, under which a text such as `<tag_list>vip,cold
 * call</tag_list>` matches both branches of the document's `string | array` union for `tag_list` and fails `oneOf`
 * for matching twice. A value that matches several branches is valid, so those issues are dropped before the
 * family's usual handling of invalid bodies.
 */
function ambiguousOneOf(issue: ValidationIssue): boolean {
  const passing = issue.params.passingSchemas;
  return issue.keyword === 'oneOf' && Array.isArray(passing) && passing.length > 1;
}
