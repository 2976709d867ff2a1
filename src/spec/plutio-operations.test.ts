import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { dereference, listOperations, loadBundledSpec, PROJECT_ROOT } from './load.js';

// The official Plutio v1.8 operation index (https://docs.plutio.com/), one operation a line in
// fixtures/plutio-v1.8-operations.txt: "METHOD /path | group | label", e.g. "POST /tasks/move | Tasks | Move task"
// is the Move of the Tasks group. The index itself lists only group headings and labels; the checks below
// make sure each line's method and path follow from its group and label the way the document maps them.
const INDEX = join(PROJECT_ROOT, 'src', 'spec', 'fixtures', 'plutio-v1.8-operations.txt');

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

interface IndexOperation {
  group: string;
  label: string;
  method: string;
  path: string;
}

function collectionOf(group: string): string {
  return COLLECTIONS[group] ?? `/${group.toLowerCase().replace(/\s+/g, '-')}`;
}

function parseIndex(text: string): { groups: string[]; operations: IndexOperation[] } {
  const operations = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^(GET|POST|PUT|DELETE) (\/\S*) \| ([^|]+?) \| ([^|]+)$/.exec(line);
      if (!match) throw new Error(`malformed index line "${line}"`);
      const [, method = '', path = '', group = '', label = ''] = match;
      return { group, label, method, path };
    });
  return { groups: [...new Set(operations.map((op) => op.group))], operations };
}

const index = parseIndex(readFileSync(INDEX, 'utf8'));
const key = (method: string, path: string) => `${method} ${path}`;
const byKey = new Map(index.operations.map((op) => [key(op.method, op.path), op]));
const doc = dereference(loadBundledSpec('plutio'));
const operations = listOperations(doc);

test('the index lists 147 operations: the token call and 37 resource groups', () => {
  expect(index.groups[0]).toBe('Getting started');
  expect(index.groups).toHaveLength(38);
  expect(index.operations).toHaveLength(147);
  expect(byKey.size).toBe(147);
});

test("each index line's method and path follow from its group and the verb of its label", () => {
  const mismatched = index.operations
    .filter((op) => {
      const route = VERBS[op.label.split(' ')[0] ?? ''];
      return !route || key(...route(collectionOf(op.group))) !== key(op.method, op.path);
    })
    .map((op) => `${key(op.method, op.path)} | ${op.group} | ${op.label}`);
  expect(mismatched).toEqual([]);
});

test('the bundled document has exactly the operations of the index', () => {
  const documented = operations.map((op) => key(op.method, op.path)).sort();
  expect(documented).toEqual([...byKey.keys()].sort());
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

test('each operation is tagged with its index group and summarised with its index label', () => {
  for (const op of operations) {
    const expected = byKey.get(key(op.method, op.path));
    expect(op.operation.tags, op.operationId).toEqual([expected?.group]);
    expect(op.operation.summary, op.operationId).toBe(expected?.label);
  }
});

test('the document lists one tag per index group, in the order of the index', () => {
  expect(doc.tags.map((tag: { name: string }) => tag.name)).toEqual(index.groups);
});
