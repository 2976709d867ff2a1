import { expect, test } from 'vitest';
import { matchSegment, parseTemplate } from './path-template.js';
import { Router } from './router.js';

const FORMAT = { format: ['json', 'xml'] };

function redmineRouter(): Router<string> {
  const r = new Router<string>();
  r.add('GET', '/projects.{format}', 'listProjects', FORMAT);
  r.add('POST', '/projects.{format}', 'createProject', FORMAT);
  r.add('GET', '/projects/{project_id}.{format}', 'getProject', FORMAT);
  r.add('PUT', '/projects/{project_id}.{format}', 'updateProject', FORMAT);
  r.add('GET', '/users/current.{format}', 'getCurrentUser', FORMAT);
  r.add('GET', '/users/{user_id}.{format}', 'getUser', FORMAT);
  r.add('GET', '/projects/{project_id}/contacts.{format}', 'listProjectContacts', FORMAT);
  return r;
}

test('the .{format} suffix is parsed from the last segment', () => {
  const r = redmineRouter();
  expect(r.match('GET', '/projects.json')).toEqual({
    kind: 'found',
    route: 'listProjects',
    params: { format: 'json' },
  });
  expect(r.match('GET', '/projects/alpha.xml')).toEqual({
    kind: 'found',
    route: 'getProject',
    params: { project_id: 'alpha', format: 'xml' },
  });
});

test('an id containing dots ends at the last dot, as Rails does', () => {
  const r = redmineRouter();
  const m = r.match('GET', '/projects/a.b.json');
  expect(m.kind === 'found' && m.params).toEqual({ project_id: 'a.b', format: 'json' });
});

test('an unknown suffix or a missing one does not match', () => {
  const r = redmineRouter();
  expect(r.match('GET', '/projects/alpha.txt').kind).toBe('none');
  expect(r.match('GET', '/projects/alpha').kind).toBe('none');
  expect(r.match('GET', '/projects').kind).toBe('none');
  expect(r.match('GET', '/projects/.json').kind).toBe('none');
});

test('a static segment wins over a parameter at the same position', () => {
  const r = redmineRouter();
  expect(r.match('GET', '/users/current.json')).toMatchObject({ route: 'getCurrentUser' });
  expect(r.match('GET', '/users/7.json')).toMatchObject({ route: 'getUser', params: { user_id: '7' } });
});

test('templates with more segments are matched through the trie', () => {
  const r = redmineRouter();
  expect(r.match('GET', '/projects/7/contacts.xml')).toMatchObject({
    route: 'listProjectContacts',
    params: { project_id: '7', format: 'xml' },
  });
});

test('a known path with another method reports the allowed methods', () => {
  const r = redmineRouter();
  expect(r.match('DELETE', '/projects.json')).toEqual({ kind: 'method', allowed: ['GET', 'POST'] });
  expect(r.match('DELETE', '/projects/1.json')).toEqual({ kind: 'method', allowed: ['GET', 'PUT'] });
  expect(r.hasPath('/projects/1.json')).toBe(true);
  expect(r.hasPath('/nothing.json')).toBe(false);
});

test('captured parameters are percent-decoded', () => {
  const r = new Router<string>();
  r.add('GET', '/things/{name}', 'getThing');
  expect(r.match('GET', '/things/a%20b')).toMatchObject({ params: { name: 'a b' } });
  expect(r.match('GET', '/things/%E0%A4%A').kind).toBe('none');
});

test('plain static routes and parameter routes coexist; duplicates are refused', () => {
  const r = new Router<string>();
  r.add('GET', '/clients', 'listClients');
  r.add('GET', '/clients/{id}', 'getClient');
  r.add('GET', '/clients/count', 'countClients');
  expect(r.match('GET', '/clients')).toMatchObject({ route: 'listClients' });
  expect(r.match('GET', '/clients/count')).toMatchObject({ route: 'countClients' });
  expect(r.match('GET', '/clients/abc')).toMatchObject({ route: 'getClient', params: { id: 'abc' } });
  expect(() => r.add('GET', '/clients/{other}', 'x')).not.toThrow();
  expect(() => r.add('GET', '/clients', 'again')).toThrow('duplicate route');
});

test('a segment pattern mixes literal text and parameters', () => {
  const [segment] = parseTemplate('/current.{format}', FORMAT);
  const out: Record<string, string> = {};
  expect(matchSegment(segment!, 'current.json', out)).toBe(true);
  expect(out).toEqual({ format: 'json' });
  expect(matchSegment(segment!, 'currentXjson', {})).toBe(false);
  expect(matchSegment(segment!, 'current.yaml', {})).toBe(false);
});

test('lookups do not slow down with the number of operations', () => {
  const r = new Router<string>();
  for (let i = 0; i < 150; i++) r.add('GET', `/resource${i}/{id}`, `op${i}`);
  const t0 = performance.now();
  for (let i = 0; i < 20_000; i++) r.match('GET', '/resource149/abc');
  const perLookup = (performance.now() - t0) / 20_000;
  expect(r.match('GET', '/resource149/abc')).toMatchObject({ route: 'op149' });
  expect(perLookup).toBeLessThan(0.05);
});
