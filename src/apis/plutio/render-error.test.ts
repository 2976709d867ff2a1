import { expect, test } from 'vitest';
import { ApiError } from '../../server/errors.js';
import type { ErrorContext } from '../../server/types.js';
import { PlutioError } from './domain/index.js';
import { toApiError } from './errors.js';
import { renderPlutioError } from './render-error.js';

const ctx = (operationId?: string) =>
  ({ method: 'GET', path: '/x', operation: operationId ? { operationId } : undefined }) as unknown as ErrorContext;
const render = (err: ApiError, operationId?: string) => {
  const res = renderPlutioError(err, ctx(operationId));
  return { status: res.status, headers: res.headers, body: JSON.parse(String(res.body)) };
};

test('an unexpected failure is a JSON 500 without details', () => {
  const res = render(new ApiError('INTERNAL', 'unexpected server error'));
  expect(res).toEqual({
    status: 500,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: { statusCode: 500, code: 500, message: 'Internal server error' },
  });
});

test('engine 404/405 become 403 Method not allowed, without the Allow header', () => {
  const res = render(new ApiError('METHOD_NOT_ALLOWED', undefined, { headers: { allow: 'GET' } }));
  expect(res.status).toBe(403);
  expect(res.headers).toEqual({ 'content-type': 'application/json; charset=utf-8' });
  expect(render(new ApiError('ROUTE_NOT_FOUND')).body.message).toBe('Method not allowed');
});

test('a body error of the token call is an oauth2-server invalid_request', () => {
  const res = render(new ApiError('BAD_REQUEST', 'malformed form: bad escape'), 'generateAccessToken');
  expect(res.body).toEqual({
    statusCode: 400,
    status: 400,
    code: 400,
    message: 'Invalid request: request body is not valid',
    name: 'invalid_request',
  });
});

test('domain errors keep status and text; Retry-After is the only header kept', () => {
  const err = toApiError(new PlutioError(429, 'Too Many Requests.'), { 'retry-after': '12', 'x-other': '1' });
  const res = render(err);
  expect(res.status).toBe(429);
  expect(res.headers['retry-after']).toBe('12');
  expect(res.headers['x-other']).toBeUndefined();
  expect(res.body).toEqual({ statusCode: 429, code: 429, message: 'Too Many Requests.' });
});

test('anything that is not a known error is rethrown for the engine to log', () => {
  expect(() => toApiError(new TypeError('boom'))).toThrow('boom');
});
