import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../spec/load.js';
import { binPath } from '../spec/tools.js';

const run = promisify(execFile);
const tsc = binPath('typescript', 'tsc');

/** Runs the TypeScript compiler with a project file; resolves with its exit code and output. */
async function compile(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', project], {
      cwd: PROJECT_ROOT,
    });
    return { code: 0, output: stdout };
  } catch (err) {
    const { code, stdout } = err as { code: number; stdout: string };
    return { code, output: stdout };
  }
}

// The `@ts-expect-error` cases of the typed-handler tests are checked by the compiler, not by running them: this
// file makes `npm test` compile them (`tsconfig.type-tests.json`), so a case that stops being an error fails here.
describe('type-level tests of the typed handlers', () => {
  const scratch = mkdtempSync(join(PROJECT_ROOT, 'src', 'server', '.type-scratch-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('every typed-handler test compiles, and every expected error is still an error', async () => {
    const { code, output } = await compile(join(PROJECT_ROOT, 'tsconfig.type-tests.json'));
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('a Planio company view that renames `town` does not compile', async () => {
    writeFileSync(
      join(scratch, 'renamed.ts'),
      [
        "import type { CompanyView } from '../../apis/planio/views.js';",
        'export function view({ town, ...rest }: CompanyView): CompanyView {',
        '  return { ...rest, city: town };',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({ extends: '../../../tsconfig.json', include: ['renamed.ts'] }),
    );
    const { code, output } = await compile(join(scratch, 'tsconfig.json'));
    expect(code).not.toBe(0);
    expect(output).toMatch(/renamed\.ts\(3,\d+\): error TS\d+:.*'(city|town)'/);
  }, 120_000);
});
