import { expect, test } from 'vitest';
import { badRequest, methodNotAllowed, missingId, notFound, PlutioError } from './errors.js';
import { OAuthError } from './oauth-error.js';

test('PlutioError renders {statusCode, code, message}', () => {
  expect(notFound('tasks', 'abc').toBody()).toEqual({
    statusCode: 404,
    code: 404,
    message: 'Record abc not found in tasks.',
  });
  expect(methodNotAllowed().toBody()).toEqual({ statusCode: 403, code: 403, message: 'Method not allowed' });
  expect(missingId().reason).toBe('missing_id');
  expect(badRequest('x').status).toBe(400);
  expect(new PlutioError(429, 'slow down').reason).toBe('rate_limited');
  expect(new PlutioError(401, 'who').reason).toBe('unauthorized');
});

test('OAuthError renders the oauth2-server error object', () => {
  expect(new OAuthError(400, 'invalid_client', 'Invalid client: client is invalid').toBody()).toEqual({
    statusCode: 400,
    status: 400,
    code: 400,
    message: 'Invalid client: client is invalid',
    name: 'invalid_client',
  });
});
