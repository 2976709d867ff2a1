import { expect, test } from 'vitest';
import { RequestEntry, RequestLog } from './request-log.js';

const entry = (fields: Partial<RequestEntry>) => Object.assign(new RequestEntry(), fields);

test('keeps the last `capacity` requests, oldest first, with the fault only where there was one', () => {
  const log = new RequestLog(3);
  expect(log.recent()).toEqual([]);
  for (let i = 1; i <= 5; i++) {
    log.add(
      entry({
        at: Date.UTC(2026, 0, 1, 0, 0, i),
        api: 'planio',
        operationId: `op${i}`,
        method: 'GET',
        path: `/p/${i}`,
        status: 200 + i,
        ms: i + 0.123,
        fault: i === 5 ? 'status=503' : undefined,
      }),
    );
  }
  const recent = log.recent();
  expect(recent.map((r) => r.path)).toEqual(['/p/3', '/p/4', '/p/5']);
  expect(recent[0]).toEqual({
    time: '2026-01-01T00:00:03.000Z',
    api: 'planio',
    operationId: 'op3',
    method: 'GET',
    path: '/p/3',
    status: 203,
    ms: 3.12,
  });
  expect('fault' in (recent[0] as object)).toBe(false);
  expect(recent[2]?.fault).toBe('status=503');
});

test('a request closed without an answer is recorded with status 0; clear forgets requests and violations', () => {
  const log = new RequestLog(2);
  log.add(entry({ at: 0, method: 'POST', path: '/x', status: 0, ms: 1, fault: 'reset' }));
  log.violations.push({ time: '', api: 'a', operationId: 'o', method: 'GET', path: '/', status: 200, issues: [] });
  expect(log.recent()).toMatchObject([{ api: undefined, operationId: undefined, status: 0, fault: 'reset' }]);
  log.clear();
  expect(log.recent()).toEqual([]);
  expect(log.violations).toEqual([]);
  log.add(
    entry({ at: 1, api: 'plutio', operationId: 'listPeople', method: 'GET', path: '/people', status: 200, ms: 2 }),
  );
  expect(log.recent().map((r) => r.operationId)).toEqual(['listPeople']);
});
