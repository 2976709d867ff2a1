import { expect, test } from 'vitest';
import { RequestLog } from './request-log.js';

test('keeps the last `capacity` requests, oldest first, with the fault only where there was one', () => {
  const log = new RequestLog(3);
  expect(log.recent()).toEqual([]);
  for (let i = 1; i <= 5; i++) {
    log.record(
      Date.UTC(2026, 0, 1, 0, 0, i),
      'planio',
      `op${i}`,
      'GET',
      `/p/${i}`,
      200 + i,
      i + 0.123,
      i === 5 ? 'status=503' : undefined,
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
  log.record(0, undefined, undefined, 'POST', '/x', 0, 1, 'reset');
  log.violations.push({ time: '', api: 'a', operationId: 'o', method: 'GET', path: '/', status: 200, issues: [] });
  expect(log.recent()).toMatchObject([{ api: undefined, operationId: undefined, status: 0, fault: 'reset' }]);
  log.clear();
  expect(log.recent()).toEqual([]);
  expect(log.violations).toEqual([]);
  log.record(1, 'plutio', 'listPeople', 'GET', '/people', 200, 2, undefined);
  expect(log.recent().map((r) => r.operationId)).toEqual(['listPeople']);
});
