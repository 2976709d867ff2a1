import { expect, test } from 'vitest';
import { companiesDocument } from './fixtures/companies.js';
import { type Drift, startCompaniesServer } from './fixtures/companies-server.js';
import { type ContractOptions, runContract } from './run.js';
import type { TargetKind } from './support/types.js';

async function run(drift: Drift = {}, kind: TargetKind = 'reference', extra: Partial<ContractOptions> = {}) {
  const target = await startCompaniesServer(drift, kind);
  try {
    return await runContract({ api: 'companies', document: companiesDocument(), target, key: 'k', ...extra });
  } finally {
    await target.close();
  }
}

const failures = (result: Awaited<ReturnType<typeof run>>) =>
  result.checks.filter((c) => c.result === 'failed').flatMap((c) => c.differences);

test('a conforming stateful server passes every check with full operation coverage', async () => {
  const result = await run();
  expect(failures(result)).toEqual([]);
  expect(result.ok).toBe(true);
  expect(result.coverage.operations).toEqual({ exercised: 5, documented: 5, percent: 100 });
  const lifecycle = result.checks.filter((c) => c.scenario === 'lifecycle companies (xml)');
  expect(lifecycle.map((c) => `${c.step} ${c.result}`)).toEqual([
    'create passed',
    'read after create passed',
    'list contains the new object passed',
    'update passed',
    'read after update passed',
    'delete passed',
    'read after delete passed',
  ]);
  expect(result.leftovers).toEqual([]);
});

test('drift is reported by operation: 200 instead of 201, ignored limit, JSON for .xml, a missing field', async () => {
  const result = await run({ createStatus: 200, ignoreLimit: true, jsonForXml: true, dropName: true });
  const found = failures(result);
  expect(result.ok).toBe(false);
  expect(found).toContain('POST /companies.json: 200 is not a documented status (documented: 201, 401, 422)');
  expect(found.some((d) => /^GET \/companies\.json: limit=1 returned \d+ items$/.test(d))).toBe(true);
  expect(found).toContain(
    'GET /companies/{company_id}.xml: 200 sends application/json for .xml, expected application/xml',
  );
  expect(found).toContain('GET /companies/{company_id}.json: 200 body misses required property name at /company');
  const byOp = Object.fromEntries(result.operations.map((o) => [o.operationId, o.result]));
  expect(byOp).toMatchObject({ createCompany: 'failed', listCompanies: 'failed', getCompany: 'failed' });
});

test('objects left behind by a failed walk are deleted at the end of the run', async () => {
  // With 200 for create the create step fails, but its object is still registered and removed by cleanup.
  const result = await run({ createStatus: 200 });
  const cleanup = result.checks.filter((c) => c.scenario === 'cleanup');
  expect(cleanup.every((c) => c.result === 'passed')).toBe(true);
  expect(result.leftovers).toEqual([]);
});

test('on a Prism target stateful scenarios are not applicable, with the reason', async () => {
  const result = await run({}, 'prism');
  const lifecycle = result.checks.filter((c) => c.scenario.startsWith('lifecycle'));
  expect(lifecycle.length).toBeGreaterThan(0);
  expect(lifecycle.every((c) => c.result === 'not-applicable')).toBe(true);
  expect(lifecycle[0]?.reason).toMatch(
    /^not meaningful on Prism.*created object can be read, listed, changed and deleted/,
  );
});

test('a read-only run sends no writes and says so', async () => {
  const result = await run({}, 'live', { readOnly: true });
  const writes = result.checks.filter((c) => /^(POST|PUT|DELETE) /.test(c.label));
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.every((c) => c.result === 'not-applicable' && /read-only/.test(c.reason ?? ''))).toBe(true);
  expect(result.checks.some((c) => c.label.startsWith('GET') && c.result === 'passed')).toBe(true);
});

test('missing credentials give the documented 401', async () => {
  const result = await run();
  const noAuth = result.checks.filter((c) => c.step === 'no credentials → 401');
  expect(noAuth.length).toBeGreaterThan(0);
  expect(noAuth.every((c) => c.result === 'passed' && c.status === 401)).toBe(true);
});
