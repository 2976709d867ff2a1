import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from 'vitest';
import { mountModule } from '../server/mount.js';
import { createFixtureModule } from './fixture-module.js';
import { startWarmUp } from './warm-up.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

test('the warm-up compiles one request validator per turn of the event loop, nothing before the first', async () => {
  const mount = await mountModule(createFixtureModule(), '/fixture');
  const stop = startWarmUp([mount]);
  expect(mount.compiler.compiled).toBe(0);
  await turn();
  expect(mount.compiler.compiled).toBe(1);
  for (let i = 0; i < 5; i++) await turn();
  // getItem's path parameters, createItem's JSON body, then its coercing variant (form and XML bodies)
  expect(mount.compiler.compiled).toBe(3);
  stop();
});

test('the warm-up stops when asked', async () => {
  const mount = await mountModule(createFixtureModule(), '/fixture');
  startWarmUp([mount])();
  for (let i = 0; i < 5; i++) await turn();
  expect(mount.compiler.compiled).toBe(0);
});

test('the warm-up goes on while the server only waits for connections', () => {
  // In a process of its own: the test runner's own traffic would wake the event loop anyway.
  const here = (file: string) => JSON.stringify(pathToFileURL(join(import.meta.dirname, file)).href);
  const script = `
    import { createServer } from 'node:http';
    const { mountModule } = await import(${here('../server/mount.ts')});
    const { createFixtureModule } = await import(${here('fixture-module.ts')});
    const { startWarmUp } = await import(${here('warm-up.ts')});
    const mount = await mountModule(createFixtureModule(), '/fixture');
    const server = createServer(() => {}).listen(0, '127.0.0.1', () => {
      startWarmUp([mount]);
      setTimeout(() => { console.log(mount.compiler.compiled); server.close(); }, 300);
    });`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(out.trim()).toBe('3');
});
