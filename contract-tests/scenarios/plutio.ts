import type { Scenario, ScenarioSet } from '../support/scenario.js';
import { plutioGroups } from './plutio-groups.js';
import { plutioLifecycle } from './plutio-lifecycles.js';
import { movesAndCopies } from './plutio-moves.js';
import { businessHeader, idRules, tokenFailures, tokenRequired, unknownRoutes } from './plutio-negatives.js';
import { queries, tenantIsolation } from './plutio-queries.js';
import { listCommentsOperation, roleLifecycle, trashBin, updateOnly } from './plutio-records.js';

/**
 * Plutio: a lifecycle per resource group that can be created, read, updated and deleted (records addressed by
 * `?_id=` and `_id` in the body, parents created by the run), the update-only groups, roles, moves and copies, the
 * trash bin, `q` and the other filters, workspace isolation, and the documented refusals: the token call, the
 * `Business` header, unknown routes, missing or unknown tokens and `_id` rules.
 */
const scenarios: ScenarioSet = (sc) => [
  listCommentsOperation(),
  ...tokenFailures(sc),
  ...businessHeader(),
  ...tokenRequired(),
  ...unknownRoutes(),
  ...idRules(),
  ...plutioGroups(sc.spec)
    .map((g) => plutioLifecycle(sc, g))
    .filter((s): s is Scenario => s !== undefined),
  roleLifecycle(),
  ...updateOnly(sc),
  ...movesAndCopies(sc),
  trashBin(),
  queries(),
  tenantIsolation(sc),
];
export default scenarios;
