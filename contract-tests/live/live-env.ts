import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where and as whom the live tests reach a real Redmine. */
export interface LiveRedmine {
  url: string;
  /** An administrator's API key. */
  apiKey: string;
  /** The API key of a user who is not an administrator (for the documented 403s), when known. */
  userApiKey?: string;
  /** Where the values came from (the environment or the env file). */
  source: string;
}

/** The env file `scripts/redmine-live/redmine-live.sh up` writes. */
export function liveEnvFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.REDMINE_LIVE_DIR || '/tmp/crmkit-redmine-live', 'env');
}

/** Reads `KEY=value` lines (blank lines and `#` comments skipped, surrounding quotes removed). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    out[m[1]!] = m[2]!.replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/**
 * The live Redmine to test: `REDMINE_URL` and `REDMINE_API_KEY` (and `REDMINE_USER_API_KEY`) from the environment,
 * else from the env file of `redmine-live.sh up` (`${REDMINE_LIVE_DIR:-/tmp/crmkit-redmine-live}/env`). Throws, saying
 * how to get one, when neither has them.
 */
export function liveRedmine(env: NodeJS.ProcessEnv = process.env): LiveRedmine {
  if (env.REDMINE_URL && env.REDMINE_API_KEY) {
    return {
      url: env.REDMINE_URL,
      apiKey: env.REDMINE_API_KEY,
      userApiKey: env.REDMINE_USER_API_KEY,
      source: 'environment',
    };
  }
  const file = liveEnvFile(env);
  const values = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  if (values.REDMINE_URL && values.REDMINE_API_KEY) {
    return {
      url: values.REDMINE_URL,
      apiKey: values.REDMINE_API_KEY,
      userApiKey: values.REDMINE_USER_API_KEY,
      source: file,
    };
  }
  throw new Error(
    `no live Redmine: set REDMINE_URL and REDMINE_API_KEY (and REDMINE_USER_API_KEY), or start one with ` +
      `"bash scripts/redmine-live/redmine-live.sh up", which writes ${file}`,
  );
}

/** Throws, saying where the address came from and how to start Redmine, when the live Redmine does not answer. */
export async function assertReachable(live: LiveRedmine): Promise<void> {
  try {
    await (await fetch(live.url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) })).arrayBuffer();
  } catch (err) {
    const cause = (err as { cause?: Error }).cause?.message ?? (err as Error).message;
    throw new Error(
      `the live Redmine at ${live.url} (from ${live.source}) does not answer (${cause}); ` +
        'start it with "bash scripts/redmine-live/redmine-live.sh up"',
    );
  }
}
