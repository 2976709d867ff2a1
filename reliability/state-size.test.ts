import { expect, test } from 'vitest';
import type { PlanioState } from '../src/apis/planio/state.js';
import { largestStateSize, resolveOptions, STATE_OVERHEAD_BYTES } from '../src/app/options.js';
import { startTestServer } from '../src/app/test-server.js';
import { resolveServeSettings } from '../src/cli/options.js';
import { CONTROL_BODY_LIMIT } from '../src/ops/control-io.js';
import { DEFAULT_MAX_RECORDS, DEFAULT_MAX_STATE_BYTES, recordBytes } from '../src/store/limits.js';
import { figure, mb } from './support/figures.js';

/**
 * Export → import at the largest state the default limits allow for one API (Planio: 10,000 companies filling its
 * 12 MiB), next to the seeded states of the other three: the whole export must go back through PUT /__crmkit/state.
 */
test('the largest state the limits allow round-trips through GET and PUT /__crmkit/state', async () => {
  const ts = await startTestServer({ validateResponses: false });
  try {
    const planio = ts.server.modules.find((m) => m.id === 'planio');
    const state = planio?.state as PlanioState;
    const snapshot = state.export() as Record<string, { nextId: number; items: Array<Record<string, unknown>> }>;
    const companies = snapshot.companies as { nextId: number; items: Array<Record<string, unknown>> };
    const template = companies.items[0] as Record<string, unknown>;
    const othersBytes = state.db.bytes - companies.items.reduce((sum, c) => sum + recordBytes(c), 0);
    const perRecord = Math.floor((DEFAULT_MAX_STATE_BYTES - othersBytes - 4096) / DEFAULT_MAX_RECORDS);
    const base = recordBytes({ ...template, id: 10_000, address1: '', address2: '', town: '' });
    const pad = perRecord - base;
    expect(pad).toBeGreaterThan(0);
    const fill = (n: number) => 'é'.repeat(Math.floor(n / 2));
    const [a1, a2, a3] = [
      fill(Math.min(pad, 510)),
      fill(Math.min(Math.max(pad - 510, 0), 510)),
      fill(Math.max(pad - 1020, 0)),
    ];
    companies.items = Array.from({ length: DEFAULT_MAX_RECORDS }, (_, i) => ({
      ...template,
      id: i + 1,
      address1: a1,
      address2: a2,
      town: a3,
    }));
    companies.nextId = DEFAULT_MAX_RECORDS + 1;
    planio?.importState?.(snapshot);
    expect(state.companies.size).toBe(DEFAULT_MAX_RECORDS);
    expect(state.db.bytes).toBeGreaterThan(DEFAULT_MAX_STATE_BYTES * 0.98);
    expect(state.db.bytes).toBeLessThanOrEqual(DEFAULT_MAX_STATE_BYTES);

    const exported = await (await fetch(`${ts.url}/__crmkit/state`)).text();
    const put = await fetch(`${ts.url}/__crmkit/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: exported,
    });
    expect(put.status).toBe(204);
    const again = await (await fetch(`${ts.url}/__crmkit/state`)).text();
    expect(again).toBe(exported);
    figure('state-size', {
      companies: state.companies.size,
      recordBytesMb: mb(state.db.bytes),
      exportMb: mb(Buffer.byteLength(exported)),
    });
  } finally {
    await ts.close();
  }
}, 120_000);

test('--max-state-size is refused where the exported states of the APIs served could outgrow PUT /__crmkit/state', () => {
  expect(largestStateSize(4)).toBe(15 * 1024 * 1024);
  expect(largestStateSize(1)).toBe(63 * 1024 * 1024);
  expect(4 * (largestStateSize(4) + STATE_OVERHEAD_BYTES)).toBeLessThanOrEqual(CONTROL_BODY_LIMIT);
  expect(() => resolveOptions({ maxStateBytes: 16 * 1024 * 1024 })).toThrow(
    '--max-state-size must be from 1 to 15728640 bytes (15360kb) for 4 APIs',
  );
  expect(resolveOptions({ api: 'planio', maxStateBytes: 60 * 1024 * 1024 }).maxStateBytes).toBe(60 * 1024 * 1024);
  expect(() => resolveServeSettings({ maxStateSize: '20mb' }, {})).toThrow('--max-state-size must be from 1 to');
  expect(resolveServeSettings({ maxStateSize: '8mb', maxRecords: '500' }, {})).toMatchObject({
    maxStateBytes: 8 * 1024 * 1024,
    maxRecords: 500,
  });
});
