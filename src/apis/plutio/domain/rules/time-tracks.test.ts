import { expect, test } from 'vitest';
import { deriveTimeTrack } from './time-tracks.js';

test('time in seconds and amounts from hourly rates', () => {
  const t = deriveTimeTrack({
    startedAt: '2022-09-01T08:00:00Z',
    stoppedAt: '2022-09-01T08:20:00Z',
    billingRate: 90,
    costRate: 30,
  });
  expect(t).toMatchObject({ time: 1200, billingAmount: 30, costAmount: 10 });
});

test('a manual time is kept when there is no stop time', () => {
  expect(deriveTimeTrack({ startedAt: '2022-09-01T08:00:00Z', time: 3600, billingRate: 50 })).toMatchObject({
    time: 3600,
    billingAmount: 50,
  });
  expect(deriveTimeTrack({ title: 'running' })).toEqual({ title: 'running' });
});

test('invalid values are refused', () => {
  expect(() => deriveTimeTrack({ time: -1 })).toThrow(/non-negative/);
  expect(() => deriveTimeTrack({ time: 10, billingRate: 'a' })).toThrow('billingRate must be a number.');
  expect(() => deriveTimeTrack({ startedAt: 5 })).toThrow(/ISO 8601/);
});
