import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../../src/spec/load.js';

/** File names a profiled server writes into its profile directory (see `bench/servers/profiler.ts`). */
export const PROFILE_FILE = 'load.cpuprofile';
export const SOURCEMAP_FILE = 'sourcemaps.json';

/** The server's background compilation of validators; its samples are counted apart from the request work. */
const WARM_UP_FILE = 'src/ops/warm-up.ts';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** One hot spot: a function (or a file) and the share of samples spent in it. */
export interface HotSpot {
  where: string;
  selfMs: number;
  share: number;
}

/** The profile's hot spots, as data and as printable text. */
export interface ProfileSummary {
  file: string;
  data: { totalMs: number; warmUpMs: number; functions: HotSpot[]; files: HotSpot[]; srcFunctions: HotSpot[] };
  text: string;
}

/** Maps V8 positions in tsx's output back to TypeScript lines through the dumped source maps. */
class Locator {
  readonly #maps = new Map<string, SourceMap>();

  constructor(file?: string) {
    if (!file || !existsSync(file)) return;
    const payloads = JSON.parse(readFileSync(file, 'utf8')) as Record<string, SourceMapPayload>;
    for (const [url, payload] of Object.entries(payloads)) this.#maps.set(url, new SourceMap(payload));
  }

  /** `function file:line` (1-based line of the source when a map is known). */
  place(frame: CallFrame): string {
    const file = frame.url.startsWith('file://') ? relative(PROJECT_ROOT, fileURLToPath(frame.url)) : frame.url;
    if (!file) return `(${frame.functionName || 'native'})`;
    const entry = this.#maps.get(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber) as
      | { originalLine?: number }
      | undefined;
    const generated = `${file.endsWith('.ts') ? '~' : ''}${frame.lineNumber + 1}`;
    const line = entry?.originalLine !== undefined ? entry.originalLine + 1 : generated;
    return `${frame.functionName || '(anonymous)'} ${file}:${line}`;
  }
}

function fileOf(frame: CallFrame): string {
  if (!frame.url) return `(${frame.functionName || 'native'})`;
  const file = frame.url.startsWith('file://') ? relative(PROJECT_ROOT, fileURLToPath(frame.url)) : frame.url;
  return file.replace(/^(node_modules\/(?:@[^/]+\/)?[^/]+)\/.*$/, '$1');
}

function top(map: Map<string, number>, totalMs: number, n: number): HotSpot[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([where, ms]) => ({ where, selfMs: Math.round(ms), share: Math.round((ms / totalMs) * 1000) / 10 }));
}

/**
 * Self time per function and per file (packages folded into one entry) of a V8 `.cpuprofile`, and the time of each
 * sample charged to the nearest `src/` function on its stack (so native work such as `JSON.stringify` or socket
 * writes is charged to the code that asked for it). A place is `function file:line`, the line where the function is
 * defined; TypeScript run through tsx is mapped back through `sourceMaps` (written by `bench/servers/profiler.ts`),
 * and a line without a map is shown as `~<line of the code V8 ran>`.
 */
export function summariseProfile(file: string, sourceMaps?: string, n = 25): ProfileSummary {
  const locator = new Locator(sourceMaps);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const srcPrefix = `${pathToFileURL(join(PROJECT_ROOT, 'src')).href}/`;
  const owner = new Map<number, string>();
  const ownerOf = (id: number): string => {
    let cached = owner.get(id);
    if (cached) return cached;
    let at: number | undefined = id;
    while (at !== undefined && !frames.get(at)?.url.startsWith(srcPrefix)) at = parents.get(at);
    const frame = at === undefined ? undefined : frames.get(at);
    cached = frame ? locator.place(frame) : '(no src/ function on the stack)';
    owner.set(id, cached);
    return cached;
  };
  const warmUrl = pathToFileURL(join(PROJECT_ROOT, WARM_UP_FILE)).href;
  const warm = new Map<number, boolean>();
  const inWarmUp = (id: number): boolean => {
    let known = warm.get(id);
    if (known === undefined) {
      const parent = parents.get(id);
      known = frames.get(id)?.url === warmUrl || (parent !== undefined && inWarmUp(parent));
      warm.set(id, known);
    }
    return known;
  };
  let warmMs = 0;
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const bySrc = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = frames.get(id);
    if (!frame || frame.functionName === '(idle)') return;
    if (inWarmUp(id)) {
      warmMs += ms;
      return;
    }
    totalMs += ms;
    add(byFunction, locator.place(frame), ms);
    add(byFile, fileOf(frame), ms);
    add(bySrc, ownerOf(id), ms);
  });
  const data = {
    totalMs: Math.round(totalMs),
    warmUpMs: Math.round(warmMs),
    functions: top(byFunction, totalMs, n),
    files: top(byFile, totalMs, 15),
    srcFunctions: top(bySrc, totalMs, n),
  };
  const lines = [
    `CPU profile of the reference server under load (${relative(PROJECT_ROOT, file)}): busy ${data.totalMs} ms, ` +
      `plus ${data.warmUpMs} ms in the server's start-up warm-up (${WARM_UP_FILE}, left out below)`,
  ];
  const section = (title: string, spots: HotSpot[]) => {
    lines.push(`  ${title}:`);
    for (const h of spots) lines.push(`    ${h.share.toFixed(1).padStart(5)}%  ${h.where}`);
  };
  section('self time by function (file:line = where the function is defined)', data.functions);
  section('time charged to the nearest src/ function on the stack', data.srcFunctions);
  section('self time by file or package', data.files);
  return { file, data, text: lines.join('\n') };
}

/** Summarises the load profile of a directory (undefined when there is none). */
export function summariseProfileDir(dir: string): ProfileSummary | undefined {
  const file = join(dir, PROFILE_FILE);
  return existsSync(file) ? summariseProfile(file, join(dir, SOURCEMAP_FILE)) : undefined;
}

/** Starts (first call) or stops and writes (second call) the profile of a server started with a profile directory. */
export async function toggleProfiler(pid: number, dir: string, stop: boolean): Promise<void> {
  process.kill(pid, 'SIGUSR2');
  if (!stop) return;
  const deadline = Date.now() + 15_000;
  while (!existsSync(join(dir, PROFILE_FILE)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}
