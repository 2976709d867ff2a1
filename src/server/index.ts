/** The reference server's engine: the module interface, typed errors and the request pipeline's parts. */

export type { ValidationIssue } from './ajv.js';
export { renderJsonError } from './default-errors.js';
export { ApiError, type ApiErrorOptions, DEFAULT_STATUS, type ErrorCode, isApiError } from './errors.js';
export type { OperationInfo, ParameterInfo, ResponseInfo, Schema } from './operations.js';
export { parseQuery, queryString, type RawQuery } from './query.js';
export * from './types.js';
