import { expect, test } from 'vitest';
import { basicAuthorization, redmineAuthHeaders, redmineAuthMiddleware } from './redmine-auth.js';

test('basicAuthorization encodes login and password as UTF-8 base64', () => {
  expect(basicAuthorization('admin', 'admin')).toBe('Basic YWRtaW46YWRtaW4=');
  expect(basicAuthorization('jürgen', 'pässwort')).toBe(
    `Basic ${Buffer.from('jürgen:pässwort', 'utf8').toString('base64')}`,
  );
});

test('redmineAuthHeaders: API key wins over nothing, Basic for a login, switch-user added to either', () => {
  expect(redmineAuthHeaders({ apiKey: 'k', switchUser: 'jsmith' })).toEqual({
    'X-Redmine-API-Key': 'k',
    'X-Redmine-Switch-User': 'jsmith',
  });
  expect(redmineAuthHeaders({ username: 'admin', password: 'admin' })).toEqual({
    Authorization: 'Basic YWRtaW46YWRtaW4=',
  });
  expect(redmineAuthHeaders({})).toEqual({});
});

test('the middleware adds missing headers and leaves headers the call set alone', async () => {
  const middleware = redmineAuthMiddleware({ apiKey: 'k', switchUser: 'jsmith' });
  const request = new Request('http://127.0.0.1/users/current.json', {
    headers: { 'X-Redmine-Switch-User': 'dlopper' },
  });
  const onRequest = middleware.onRequest!;
  // biome-ignore lint/suspicious/noExplicitAny: only `request` is read by this middleware.
  const result = (await onRequest({ request } as any)) as Request;
  expect(result.headers.get('X-Redmine-API-Key')).toBe('k');
  expect(result.headers.get('X-Redmine-Switch-User')).toBe('dlopper');
});
