import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load as loadYaml11 } from 'js-yaml';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { runCli } from './cli-process.js';

test('crmkit bundle --api redmine --out <dir> --json writes the JSON and YAML bundles and lists them', async () => {
  const out = mkdtempSync(join(tmpdir(), 'crmkit-bundle-'));
  const run = await runCli(['bundle', '--api', 'redmine', '--out', out, '--json']);
  expect(run.code).toBe(0);
  const { files } = JSON.parse(run.stdout) as { files: Array<{ api: string; path: string; bytes: number }> };
  expect(files.map((f) => f.path)).toEqual([join(out, 'redmine.json'), join(out, 'redmine.yaml')]);
  expect(readdirSync(out).sort()).toEqual(['redmine.json', 'redmine.yaml']);
  const json = JSON.parse(readFileSync(join(out, 'redmine.json'), 'utf8'));
  expect(json.openapi).toMatch(/^3\.1/);
  expect(parse(readFileSync(join(out, 'redmine.yaml'), 'utf8'))).toEqual(json);
  expect(loadYaml11(readFileSync(join(out, 'redmine.yaml'), 'utf8')), 'as a YAML 1.1 loader reads it').toEqual(json);
  expect(files[0]?.bytes).toBeGreaterThan(1000);
  expect(run.stderr).toMatch(/^bundle: redmine → .*redmine\.json, .*redmine\.yaml in \d/m);
});
