/**
 * The Plutio v1.8 domain: everything that makes the reference server behave like the real Plutio API, independent of
 * HTTP. Handlers authenticate with `domain.auth`, count calls with `domain.rateLimit`, and run resource operations
 * on `domain.workspaceFor(business)`; errors are {@link PlutioError} (render `toBody()`) or {@link OAuthError} on
 * the token endpoint.
 */

export type { PlutioApp, PlutioAppConfig } from './app.js';
export {
  bearerToken,
  DEFAULT_APPS,
  DEFAULT_TOKEN_TTL_SECONDS,
  PlutioAuth,
  type TokenCheck,
  type TokenResponse,
} from './auth.js';
export { createPlutioDomain, type PlutioDomain, type PlutioDomainOptions, type PlutioStateSnapshot } from './domain.js';
export { PlutioError, type PlutioErrorBody, type PlutioErrorReason, type PlutioErrorStatus } from './errors.js';
export { ID_ALPHABET, ID_LENGTH, IdGenerator, isMeteorId } from './ids.js';
export type { JsonObject } from './json.js';
export { OAuthError, type OAuthErrorBody, type OAuthErrorName } from './oauth-error.js';
export {
  ALLOWED_OPERATORS,
  DEFAULT_LIMIT,
  type ListQuery,
  MAX_LIMIT,
  MAX_Q_DEPTH,
  MAX_Q_NODES,
  MAX_REGEX_LENGTH,
  parseListQuery,
  type QueryParams,
} from './query.js';
export { DEFAULT_RATE_LIMIT, type RateLimitDecision, RateLimiter, type RateLimitOptions } from './rate-limit.js';
export {
  COLLECTIONS,
  type CollectionName,
  collectionForEntityType,
  isCollectionName,
  type Operation,
  RESOURCES,
  type ResourceDef,
  resourceDef,
  supports,
} from './resources.js';
export { DEFAULT_SEED, type SeedOptions, seedWorkspace } from './seed.js';
export type { WorkspaceData, WorkspaceSnapshot } from './store/state.js';
export { type Actor, Workspace, type WorkspaceOptions } from './workspace.js';
