import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { dereference, listOperations, loadBundledSpec, PROJECT_ROOT } from './load.js';

// The official Plutio v1.8 index: a "Getting started" group with the token call, then one group per resource, each
// followed by lines such as "POST Create person" or "POST Move task".
const SEED = join(PROJECT_ROOT, '..', 'shared', 'seeds', '002_283fa1c768417df7.txt');

/** Groups whose collection path is pinned rather than derived (singular or uncountable names). */
const COLLECTIONS: Record<string, string> = {
  People: '/people',
  Wiki: '/wiki',
  'Trash bin': '/trash-bin',
  'Dashboard Data': '/dashboard-data',
};

/** The HTTP method and path of each verb of the index, given the group's collection path. */
const VERBS: Record<string, (collection: string) => [string, string]> = {
  Generate: () => ['POST', '/oauth/token'],
  Get: (c) => ['GET', c],
  Create: (c) => ['POST', c],
  Update: (c) => ['PUT', c],
  Delete: (c) => ['DELETE', c],
  Move: (c) => ['POST', `${c}/move`],
  Copy: (c) => ['POST', `${c}/copy`],
};

interface SeedOperation {
  group: string;
  label: string;
  seedMethod: string;
  method: string;
  path: string;
}

function collectionOf(group: string): string {
  return COLLECTIONS[group] ?? `/${group.toLowerCase().replace(/\s+/g, '-')}`;
}

function parseSeed(text: string): { groups: string[]; operations: SeedOperation[] } {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const groups: string[] = [];
  const operations: SeedOperation[] = [];
  for (const line of lines.slice(lines.indexOf('Getting started'))) {
    const match = /^(GET|POST|PUT|DELETE) (\S+) (.+)$/.exec(line);
    if (!match) {
      groups.push(line);
      continue;
    }
    const [, seedMethod = '', verb = '', rest = ''] = match;
    const route = VERBS[verb];
    if (!route) throw new Error(`unknown verb in seed line "${line}"`);
    const group = groups.at(-1) ?? '';
    const [method, path] = route(collectionOf(group));
    operations.push({ group, label: `${verb} ${rest}`, seedMethod, method, path });
  }
  return { groups, operations };
}

const seed = parseSeed(readFileSync(SEED, 'utf8'));
const key = (method: string, path: string) => `${method} ${path}`;
const bySeedKey = new Map(seed.operations.map((op) => [key(op.method, op.path), op]));
const doc = dereference(loadBundledSpec('plutio'));
const operations = listOperations(doc);

test('the seed index lists 147 operations: the token call and 37 resource groups', () => {
  expect(seed.groups[0]).toBe('Getting started');
  expect(seed.groups).toHaveLength(38);
  expect(seed.operations).toHaveLength(147);
  expect(bySeedKey.size).toBe(147);
});

test('each seed line uses the HTTP method its verb maps to', () => {
  const mismatched = seed.operations.filter((op) => op.seedMethod !== op.method).map((op) => op.label);
  expect(mismatched).toEqual([]);
});

test('the bundled document has exactly the operations of the seed index', () => {
  const documented = operations.map((op) => key(op.method, op.path)).sort();
  expect(documented).toEqual([...bySeedKey.keys()].sort());
  expect(documented).toHaveLength(147);
});

test('every resource operation requires the Business header and the token call has none', () => {
  const business = (op: (typeof operations)[number]) =>
    op.parameters.find((p) => p.in === 'header' && String(p.name).toLowerCase() === 'business');
  for (const op of operations) {
    const header = business(op);
    if (op.path === '/oauth/token') expect(header, op.operationId).toBeUndefined();
    else expect(header?.required, op.operationId).toBe(true);
  }
});

test('each operation is tagged with its seed group and summarised with its seed label', () => {
  for (const op of operations) {
    const expected = bySeedKey.get(key(op.method, op.path));
    expect(op.operation.tags, op.operationId).toEqual([expected?.group]);
    expect(op.operation.summary, op.operationId).toBe(expected?.label);
  }
});

test('the document lists one tag per seed group, in the order of the index', () => {
  expect(doc.tags.map((tag: { name: string }) => tag.name)).toEqual(seed.groups);
});
