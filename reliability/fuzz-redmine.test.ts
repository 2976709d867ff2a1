import { test } from 'vitest';
import { fuzzApi } from './support/fuzz/fuzz-test.js';

test('fuzz redmine: hostile and malformed requests never give a 5xx, break the spec or change state when refused', async () => {
  await fuzzApi('redmine', 1000, 7);
}, 600_000);
