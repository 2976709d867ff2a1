import { test } from 'vitest';
import { fuzzApi } from './support/fuzz/fuzz-test.js';

test('fuzz planio: hostile and malformed requests never give a 5xx, break the spec or change state when refused', async () => {
  await fuzzApi('planio', 1000, 7);
}, 600_000);
