import { expect, test } from 'vitest';
import { bundlePath } from '../../spec/load.js';
import { startCli } from './cli-process.js';
import { prismLimits, samplePath } from './prism.js';

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';

test('crmkit prism --api redmine --port 0 serves the document until it is stopped', async () => {
  const prism = startCli(['prism', '--api', 'redmine', '--port', '0', '-v', 'error']);
  let url = '';
  try {
    [, url] = (await prism.waitFor(/listening on (http:\/\/127\.0\.0\.1:\d+)/)) as [string, string];
    expect(prism.output()).toContain('XML request bodies are answered 422');
    expect(prism.output()).toContain(`e.g. ${url}/projects.json`);
    const res = await fetch(`${url}/projects.json`, { headers: { 'X-Redmine-API-Key': KEY } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { projects: unknown[] }).projects.length).toBeGreaterThan(0);
    // The second one on the same port is refused in one line.
    const port = url.split(':').pop() as string;
    const busy = startCli(['prism', '--api', 'redmine', '--port', port]);
    expect(await busy.exited()).toBe(1);
    expect(busy.output()).toMatch(/^crmkit prism: port \d+ on 127\.0\.0\.1 is already in use/);
  } finally {
    const code = await prism.stop('SIGTERM');
    expect(typeof code).toBe('number');
  }
  // The signal reached Prism too: nothing listens any more.
  await expect(fetch(url, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
}, 90_000);

test('the limits printed for Plutio are about Plutio, not the Redmine suffixes', () => {
  const plutio = prismLimits('plutio').join('\n');
  expect(plutio).toContain('no 429');
  expect(plutio).not.toContain('.json/.xml');
  expect(prismLimits('planio', { dynamic: true }).join('\n')).toContain('<xml> root');
});

test('the sample path is a documented GET without path parameters', () => {
  expect(samplePath(bundlePath('planio'))).toBe('/companies.json');
  expect(samplePath(bundlePath('plutio'))).not.toContain('{');
});
