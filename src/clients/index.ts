/**
 * Typed clients of the four APIs, built on openapi-fetch and the generated `paths` types: one factory per API, the
 * Redmine-family auth middleware, and the Plutio token functions.
 */
export { createPlanioClient, type PlanioClient, type PlanioPaths } from './planio.js';
export {
  createPlutioClient,
  type PlutioClient,
  type PlutioClientOptions,
  type PlutioCredentials,
  type PlutioPaths,
} from './plutio.js';
export {
  createPlutioTokenSource,
  getPlutioToken,
  type PlutioToken,
  PlutioTokenError,
  type PlutioTokenOptions,
  type PlutioTokenSource,
} from './plutio-token.js';
export { createRedmineClient, type RedmineClient, type RedminePaths } from './redmine.js';
export {
  basicAuthorization,
  type RedmineAuth,
  type RedmineCredentials,
  redmineAuthHeaders,
  redmineAuthMiddleware,
} from './redmine-auth.js';
export {
  createRedmineFamilyClient,
  type RedmineFamilyClient,
  type RedmineFamilyClientOptions,
  type RedmineFamilyPaths,
} from './redmine-family.js';
export { createRedmineUpClient, type RedmineUpClient, type RedmineUpPaths } from './redmineup.js';
