import { expect, test } from 'vitest';
import { FaultTable, MAX_FAULT_RULES } from './fault-table.js';

const known = new Map([
  ['planio', new Set(['getCompany', 'listCompanies'])],
  ['plutio', new Set(['listPeople'])],
]);

test('addAll checks every rule first: a bad one names its index and nothing is added', () => {
  const table = new FaultTable(1, known, [{ delay: 5 }]);
  const rules = [{ api: 'planio', status: 503 }, { status: 502 }, { api: 'planio', operationId: 'nope', status: 500 }];
  expect(() => table.addAll(rules)).toThrow('faults[2]: planio has no operation "nope"');
  expect(() => table.addAll([{ status: 503 }, { status: 200 }])).toThrow('faults[1]: status must be');
  expect(() => table.addAll([{ api: 'jira', delay: 1 }])).toThrow('faults[0]: no API "jira" is served');
  expect(table.list()).toMatchObject([{ id: 1, delay: 5 }]);
  expect(table.addAll(rules.slice(0, 2)).map((r) => r.id)).toEqual([2, 3]);
  expect(table.size).toBe(3);
});

test('among rules of one scope the latest applies; removing it brings back the one before', () => {
  const table = new FaultTable(1, known);
  const [first, second] = table.addAll([
    { api: 'planio', status: 502 },
    { api: 'planio', status: 503 },
  ]);
  table.add({ api: 'planio', operationId: 'getCompany', status: 504, times: 1 });
  expect(table.decide('planio', 'getCompany')?.status).toBe(504);
  expect(table.decide('planio', 'getCompany')?.status).toBe(503);
  expect(table.decide('plutio', 'listPeople')).toBeUndefined();
  table.remove({ id: second?.id });
  expect(table.decide('planio', undefined)?.status).toBe(502);
  table.add({ status: 500 });
  expect(table.decide('plutio', 'listPeople')?.status).toBe(500);
  expect(table.remove({ api: 'planio' })).toBe(1);
  expect(table.decide('planio', 'getCompany')?.status).toBe(500);
  expect(table.list().map((r) => r.id)).not.toContain(first?.id);
});

test('needsOperation follows the operation rules of each API as they come and go', () => {
  const table = new FaultTable(1, known);
  expect(table.needsOperation('planio')).toBe(false);
  const [a, b] = table.addAll([
    { api: 'planio', operationId: 'getCompany', delay: 1 },
    { api: 'planio', operationId: 'listCompanies', status: 500, times: 1 },
    { api: 'plutio', delay: 1 },
  ]);
  expect(table.needsOperation('planio')).toBe(true);
  expect(table.needsOperation('plutio')).toBe(false);
  table.remove({ id: a?.id });
  expect(table.needsOperation('planio')).toBe(true);
  expect(table.decide('planio', 'listCompanies')?.status).toBe(500);
  expect(table.list().map((r) => r.id)).not.toContain(b?.id);
  expect(table.needsOperation('planio')).toBe(false);
});

const mixed = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 3 === 0
      ? { api: 'planio', operationId: i % 2 ? 'getCompany' : 'listCompanies', delay: i % 7 }
      : i % 3 === 1
        ? { api: 'plutio', delay: 1 }
        : { delay: 2 },
  );

/** The least of three timings of adding `n` rules to a fresh table. */
function addTime(n: number): number {
  const rules = mixed(n);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const table = new FaultTable(1, known);
    const started = performance.now();
    table.addAll(rules);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

test('tens of thousands of rules are added in linear time and matched in constant time', () => {
  const small = addTime(10_000);
  const large = addTime(40_000);
  expect(large).toBeLessThan(1000);
  // Four times the rules: about four times the work (a quadratic table took sixteen).
  expect(large / Math.max(small, 1)).toBeLessThan(10);
  const table = new FaultTable(1, known);
  table.addAll(mixed(40_000));
  const matchStart = performance.now();
  for (let i = 0; i < 100_000; i++) table.decide(i % 2 ? 'planio' : 'plutio', i % 2 ? 'getCompany' : 'listPeople');
  expect(performance.now() - matchStart).toBeLessThan(500);
  expect(table.size).toBe(40_000);
  const removeStart = performance.now();
  for (let id = 1; id <= 40_000; id += 10) table.remove({ id });
  table.remove({ api: 'planio' });
  expect(performance.now() - removeStart).toBeLessThan(1000);
});

test('more rules than the cap are refused as a whole, before any is read', () => {
  const table = new FaultTable(1, known, [{ delay: 1 }]);
  const rule = { status: 503 };
  const many = Array.from({ length: MAX_FAULT_RULES }, () => rule);
  expect(() => table.addAll(many)).toThrow(`at most ${MAX_FAULT_RULES} fault rules can be in effect (1 are`);
  expect(table.size).toBe(1);
  expect(table.addAll(many.slice(1))).toHaveLength(MAX_FAULT_RULES - 1);
  expect(() => table.add(rule)).toThrow(`at most ${MAX_FAULT_RULES} fault rules`);
  expect(table.size).toBe(MAX_FAULT_RULES);
});
