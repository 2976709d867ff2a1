/** The reference server's engine: build and start, the module interface, typed errors and test support. */

export type { ValidationIssue } from './ajv.js';
export { type CrmkitServer, createServer, type RunningServer, startServer } from './app.js';
export { renderJsonError } from './default-errors.js';
export { ApiError, type ApiErrorOptions, DEFAULT_STATUS, type ErrorCode, isApiError } from './errors.js';
export { type FaultEffect, type FaultInput, FaultSpecError, parseFaultSpec } from './fault-spec.js';
export type { FaultRule } from './fault-table.js';
export type { OperationInfo, ParameterInfo, ResponseInfo, Schema } from './operations.js';
export { DEFAULT_BODY_LIMIT, type ServerOptions } from './options.js';
export { parseQuery, queryString, type RawQuery } from './query.js';
export type { RequestRecord, Violation } from './request-log.js';
export { encodeState, readStateFile, STATE_VERSION, StateFileError } from './state-file.js';
export * from './types.js';
