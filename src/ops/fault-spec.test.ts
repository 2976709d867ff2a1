import { expect, test } from 'vitest';
import { normaliseFault, parseFaultHeader, parseFaultSpec } from './fault-spec.js';
import { FaultTable } from './fault-table.js';

test('the text form names an API, an operation or everything, then key=value settings', () => {
  expect(parseFaultSpec('planio:getCompany:status=503,rate=0.5')).toEqual({
    api: 'planio',
    operationId: 'getCompany',
    status: 503,
    rate: 0.5,
  });
  expect(parseFaultSpec('*:latency=200')).toEqual({ delay: 200 });
  expect(parseFaultSpec('plutio:*:fault=reset,times=2')).toEqual({ api: 'plutio', fault: 'reset', times: 2 });
  expect(parseFaultSpec('delay=100,jitter=50,status=429,retryAfter=7')).toEqual({
    delay: 100,
    jitter: 50,
    status: 429,
    retryAfter: 7,
  });
});

test('bad fault settings are refused with a message naming the setting', () => {
  expect(() => parseFaultSpec('planio')).toThrow('has no setting');
  expect(() => parseFaultSpec('a:b:c:status=500')).toThrow('the scope is api[:operationId]');
  expect(() => parseFaultSpec('status=200')).toThrow('status must be a whole number from 400 to 599');
  expect(() => parseFaultSpec('delay=-1')).toThrow('delay must be');
  expect(() => parseFaultSpec('status=503,rate=2')).toThrow('rate must be a number from 0 to 1');
  expect(() => parseFaultSpec('fault=explode')).toThrow('fault must be reset or truncate');
  expect(() => parseFaultSpec('times=3')).toThrow('give at least one of delay, status, fault');
  expect(() => parseFaultSpec('status=500,colour=red')).toThrow('unknown setting "colour"');
  expect(() => normaliseFault({ operationId: 'getCompany', status: 500 })).toThrow('an operationId needs an api');
  expect(normaliseFault({ api: 'plutio', delay: [100, 900] })).toEqual({ api: 'plutio', delay: 100, jitter: 800 });
});

test('Prefer ignores preferences that are not faults; X-Crmkit-Fault refuses them', () => {
  expect(parseFaultHeader('return=minimal, delay=800', false, 'Prefer')).toEqual({ delay: 800 });
  expect(parseFaultHeader(['status=503', 'fault=truncate'], false, 'Prefer')).toEqual({
    status: 503,
    fault: 'truncate',
  });
  expect(parseFaultHeader('return=minimal', false, 'Prefer')).toBeUndefined();
  expect(() => parseFaultHeader('status=503,wat=1', true, 'X-Crmkit-Fault')).toThrow('unknown setting "wat"');
  expect(() => parseFaultHeader('status=abc', false, 'Prefer')).toThrow('Prefer: status must be');
});

test('the most specific rule applies; rate draws repeat with the seed; times drops the rule', () => {
  const known = new Map([['planio', new Set(['getCompany', 'listCompanies'])]]);
  const table = new FaultTable(7, known, [{ delay: 10 }, { api: 'planio', operationId: 'getCompany', status: 503 }]);
  expect(table.decide('planio', 'getCompany')).toEqual({ delay: 0, status: 503 });
  expect(table.decide('planio', 'listCompanies')).toEqual({ delay: 10 });
  expect(() => table.add({ api: 'planio', operationId: 'nope', status: 500 })).toThrow('no operation "nope"');
  expect(() => table.add({ api: 'jira', status: 500 })).toThrow('no API "jira" is served');
  const draws = (seed: number) => {
    const t = new FaultTable(seed, known, [{ api: 'planio', status: 500, rate: 0.5 }]);
    return Array.from({ length: 32 }, () => (t.decide('planio', undefined) ? 1 : 0)).join('');
  };
  expect(draws(1)).toBe(draws(1));
  expect(draws(1)).not.toBe(draws(2));
  expect(draws(1)).toMatch(/1/);
  expect(draws(1)).toMatch(/0/);
  const limited = new FaultTable(1, known, [{ api: 'planio', status: 500, times: 2 }]);
  const statuses = [1, 2, 3].map(() => limited.decide('planio', 'getCompany')?.status);
  expect(statuses).toEqual([500, 500, undefined]);
  expect(limited.size).toBe(0);
  limited.reset();
  expect(limited.list()).toMatchObject([{ id: 1, api: 'planio', status: 500, remaining: 2, hits: 0 }]);
});
