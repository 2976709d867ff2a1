import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { liveRedmine, parseEnvFile } from './live-env.js';

test('the environment wins over the env file', () => {
  const env = { REDMINE_URL: 'http://127.0.0.1:3000', REDMINE_API_KEY: 'k', REDMINE_LIVE_DIR: '/nonexistent' };
  expect(liveRedmine(env)).toMatchObject({ url: 'http://127.0.0.1:3000', apiKey: 'k', source: 'environment' });
});

test('the env file of redmine-live.sh is read when the environment has nothing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crmkit-live-'));
  writeFileSync(join(dir, 'env'), 'REDMINE_URL=http://127.0.0.1:3001\nREDMINE_API_KEY=a\nREDMINE_USER_API_KEY="b"\n');
  expect(liveRedmine({ REDMINE_LIVE_DIR: dir })).toEqual({
    url: 'http://127.0.0.1:3001',
    apiKey: 'a',
    userApiKey: 'b',
    source: join(dir, 'env'),
  });
});

test('without either the error says how to start a live Redmine', () => {
  expect(() => liveRedmine({ REDMINE_LIVE_DIR: '/nonexistent' })).toThrow(/redmine-live\.sh up.*\/nonexistent\/env/);
});

test('env files: comments, blanks, export and quotes', () => {
  expect(parseEnvFile('# c\n\nexport A=1\nB = "two words"\nC=\'x\'\n')).toEqual({ A: '1', B: 'two words', C: 'x' });
});
