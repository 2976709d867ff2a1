import { listItems } from '../support/body-values.js';
import type { Scenario, ScenarioContext, StepResult } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { PERMISSIONS } from './core-user.js';
import { asUser, NO_USER } from './family-steps.js';

const FORMATS: Format[] = ['json', 'xml'];

/** Why these scenarios need a real server: the answers are compared with each other, not with the examples. */
const SAME_LIST =
  'the lists are compared across callers and parameters, while Prism answers every call with the example';

/** The reference lists every user may read, by operation: path (for names) and one extra query a server ignores. */
const LISTS: { operationId: string; path: string; ignored: Record<string, unknown> }[] = [
  { operationId: 'listTrackers', path: '/trackers', ignored: { limit: 1, offset: 1 } },
  { operationId: 'listIssueStatuses', path: '/issue_statuses', ignored: { limit: 1, offset: 1 } },
  { operationId: 'listTimeEntryActivities', path: '/enumerations/time_entry_activities', ignored: { project_id: 0 } },
  { operationId: 'listDocumentCategories', path: '/enumerations/document_categories', ignored: { limit: 1 } },
];

/** The list's items as text, to compare answers of one list. */
const itemsOf = (res: StepResult) => JSON.stringify(listItems(res.value) ?? null);

/** The answer holds the same items as the administrator's first answer, and no paging meta. */
function sameAs(what: string) {
  return (res: StepResult, ctx: { vars: Record<string, unknown> }) => {
    const out: string[] = [];
    if (itemsOf(res) !== ctx.vars.items) out.push(`${what} lists other items than the administrator's first answer`);
    const body = res.value as Record<string, unknown> | null;
    for (const meta of ['total_count', 'offset', 'limit']) {
      if (body && typeof body === 'object' && meta in body) out.push(`${what} has paging meta \`${meta}\``);
    }
    return out;
  };
}

/**
 * Trackers, issue statuses, time entry activities and document categories: a non-administrator gets the same list
 * as an administrator, so does an anonymous caller (or 401 on a server that requires a login), and paging
 * parameters (activities: an unknown `project_id`) change nothing, since the lists are not paged.
 */
export function referenceListScenarios(sc: ScenarioContext): Scenario[] {
  const out: Scenario[] = [];
  for (const list of LISTS) {
    if (!sc.spec.byId.has(list.operationId)) continue;
    for (const format of FORMATS) {
      const first = {
        operationId: list.operationId,
        title: 'as the administrator',
        expect: {
          check: (res: StepResult, ctx: { vars: Record<string, unknown> }) => {
            ctx.vars.items = itemsOf(res);
            return (listItems(res.value) ?? []).length > 0 ? undefined : 'the list is empty';
          },
        },
      };
      out.push(
        {
          name: `behaviour GET ${list.path}.${format} is the same for every caller`,
          kind: 'behaviour',
          format,
          stateful: PERMISSIONS,
          notApplicable: sc.userKey ? undefined : NO_USER,
          steps: [
            first,
            {
              ...asUser(sc.userKey),
              operationId: list.operationId,
              title: 'as a non-administrator → the same list',
              expect: { status: 200, check: sameAs('the non-administrator’s answer') },
            },
            {
              operationId: list.operationId,
              anonymous: true,
              title: 'anonymous → the same list (401 where a login is required)',
              expect: {
                status: [200, 401],
                check: (res, ctx) => (res.status === 401 ? undefined : sameAs('the anonymous answer')(res, ctx)),
              },
            },
          ],
        },
        {
          name: `behaviour GET ${list.path}.${format} is not paged`,
          kind: 'behaviour',
          format,
          stateful: SAME_LIST,
          steps: [
            first,
            {
              operationId: list.operationId,
              title: `${Object.entries(list.ignored)
                .map(([k, v]) => `${k}=${String(v)}`)
                .join('&')} → the same list`,
              params: list.ignored,
              expect: { status: 200, check: sameAs('the answer') },
            },
          ],
        },
      );
    }
  }
  return out;
}
