import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/spec/load.js';

/** The text of the user documentation: README.md and every guide under docs/guides. */
export function docsText(): string {
  const guides = join(PROJECT_ROOT, 'docs', 'guides');
  const files = [
    join(PROJECT_ROOT, 'README.md'),
    ...readdirSync(guides)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(guides, f)),
  ];
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** The names of the required statements (regex checks) the docs do not make. */
export function missingStatements(text: string, required: Record<string, RegExp>): string[] {
  return Object.entries(required)
    .filter(([, re]) => !re.test(text))
    .map(([name]) => name);
}
