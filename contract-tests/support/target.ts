import type { ApiId } from '../../src/spec/load.js';
import { startPrism } from './target-prism.js';
import { startReference } from './target-reference.js';
import type { Target, TargetKind } from './types.js';

export type { Target };

/** Where each API is mounted on the reference server. */
export const REFERENCE_BASE_PATHS: Readonly<Record<ApiId, string>> = {
  redmine: '/redmine',
  planio: '/planio',
  redmineup: '/redmineup',
  plutio: '/plutio/v1.8',
};

/** Tells the target kind from the `--target` value: `reference`, `prism`, or an http(s) URL. */
export function targetKind(target: string): TargetKind {
  if (target === 'reference' || target === 'prism') return target;
  if (/^https?:\/\//i.test(target)) return 'live';
  throw new Error(`unknown target "${target}": use reference, prism or an http(s) URL`);
}

/**
 * Starts (or points at) a target: `reference` starts the reference server on a free loopback port, `prism` starts
 * `prism mock` on the bundled document, a URL is a live server used as the API's base URL (it must answer HTTP).
 */
export async function startTarget(api: ApiId, target: string): Promise<Target> {
  const kind = targetKind(target);
  if (kind === 'reference') return startReference(api, REFERENCE_BASE_PATHS[api]);
  if (kind === 'prism') return startPrism(api);
  const baseUrl = target.replace(/\/+$/, '');
  try {
    await (await fetch(baseUrl, { redirect: 'manual', signal: AbortSignal.timeout(10_000) })).arrayBuffer();
  } catch (err) {
    const cause = (err as { cause?: Error }).cause;
    throw new Error(`cannot reach ${baseUrl}: ${cause?.message ?? (err as Error).message}`);
  }
  return { kind, baseUrl, description: baseUrl, close: async () => {} };
}
