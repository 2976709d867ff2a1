import { test } from 'vitest';
import { fuzzApi } from './support/fuzz/fuzz-test.js';

test('fuzz plutio: hostile and malformed requests never give a 5xx, break the spec or change state when refused', async () => {
  await fuzzApi('plutio', 800, 9);
}, 600_000);
