/**
 * crmkit's public entry: the reference server (`createServer` builds without listening, `startServer` listens),
 * its module interface and errors, and the spec loader.
 */
export { type CrmkitServer, createServer, type RunningServer, startServer } from './app/app.js';
export { DEFAULT_BODY_LIMIT, type ServerOptions } from './app/options.js';
export { type ApiOptions, apiOptionsOf } from './app/registry.js';
export { startTestServer, type TestServer } from './app/test-server.js';
export * from './clients/index.js';
export { type FaultEffect, type FaultInput, FaultSpecError, parseFaultSpec } from './ops/fault-spec.js';
export type { FaultRule } from './ops/fault-table.js';
export type { RequestRecord, Violation } from './ops/request-log.js';
export { encodeState, readStateFile, STATE_VERSION, StateFileError } from './ops/state-file.js';
export * from './server/index.js';
export { API_IDS, type ApiId, dereference, listOperations, loadBundledSpec } from './spec/load.js';
