import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../spec/load.js';

test('the typed-clients guide shows guide-example.test.ts as it is (imports relative to src/)', () => {
  const guide = readFileSync(join(PROJECT_ROOT, 'docs', 'guides', 'typed-clients.md'), 'utf8');
  const shown = guide.match(/```ts\n([\s\S]*?)```/)?.[1];
  const example = readFileSync(join(PROJECT_ROOT, 'src', 'clients', 'guide-example.test.ts'), 'utf8');
  expect(shown).toBe(example.replace("from '../index.js'", "from './index.js'"));
});
