import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { constants } from 'node:os';
import { type Command, Option } from 'commander';
import { type ApiId, bundlePath, PROJECT_ROOT } from '../../spec/load.js';
import { binPath } from '../../spec/tools.js';
import { bundleApis, shown } from './bundle.js';
import { apiOption, parsePort, progressLog, reportFailure, runAction } from './common.js';

/** How Prism answers differently from the real APIs and the crmkit server, for the documents of one API. */
export function prismLimits(api: ApiId, flags: { dynamic?: boolean; errors?: boolean } = {}): string[] {
  const lines = [
    'stateless: answers come from the examples; a write is not visible afterwards (crmkit serve keeps state)',
  ];
  if (api === 'plutio') {
    lines.push('filters, `q` queries, skip/limit and sort do not select records: every list answers the example');
    lines.push('any well-formed Bearer token is accepted and there is no 1000 calls/hour limit (no 429)');
  } else {
    lines.push('XML request bodies are answered 422 (Prism validates them as JSON)');
    lines.push('a URL without .json/.xml is 404, not the 406 of Redmine; unknown ids answer the example, not 404');
    if (flags.dynamic) lines.push('--dynamic XML responses get an invented <xml> root instead of the documented one');
    if (flags.errors) lines.push('--errors turns documented XML examples into 500s (Prism checks them as JSON)');
  }
  return lines;
}

/** Resolves once host:port accepts a TCP connection (Prism listens when the document is loaded). */
async function waitForPort(host: string, port: number, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && alive()) {
    const open = await new Promise<boolean>((done) => {
      const socket = connect({ host, port }, () => done(socket.end() !== undefined));
      socket.once('error', () => done(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listens on ${host}:${port}`);
}

/** Binds host:port for a moment: fails like a server would on a busy port; with port 0 returns a free port. */
function claimPort(host: string, port: number): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(port, host, () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : port));
    });
  });
}

interface PrismFlags {
  api: ApiId;
  host: string;
  port: string;
  dynamic?: boolean;
  errors?: boolean;
  verboseLevel: string;
  seed?: string;
}

/** Starts `prism mock` on the bundle, prints its URL and limits, forwards signals; resolves to Prism's exit code. */
async function runPrism(flags: PrismFlags): Promise<number> {
  const shipped = bundlePath(flags.api);
  const document = existsSync(shipped)
    ? shipped
    : ((await bundleApis([flags.api], { log: progressLog(false) }))[0]?.path ?? shipped);
  const port = await claimPort(flags.host, parsePort(flags.port));
  const args = ['mock', '-h', flags.host, '-p', String(port), '-v', flags.verboseLevel];
  if (flags.dynamic) args.push('--dynamic');
  if (flags.errors) args.push('--errors');
  if (flags.seed !== undefined) args.push('--seed', flags.seed);
  const script = binPath('@stoplight/prism-cli', 'prism');
  const child = spawn(process.execPath, [script, ...args, document], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number>((done) => {
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stopping = true;
      forward(child, signal);
    });
  }
  const host = flags.host.includes(':') ? `[${flags.host}]` : flags.host;
  const url = `http://${host}:${port}`;
  try {
    await waitForPort(flags.host, port, 60_000, () => child.exitCode === null && child.signalCode === null);
  } catch {
    if (stopping) return exited;
    const code = await Promise.race([exited, new Promise<number>((r) => setTimeout(() => r(-1), 200))]);
    if (code === -1) forward(child, 'SIGTERM');
    reportFailure('prism', `Prism did not start on ${url}${code >= 0 ? ` (exit code ${code})` : ''}`);
    return code > 0 ? code : 1;
  }
  const mode = flags.dynamic ? 'dynamic (responses generated from the schemas)' : 'static (responses are the examples)';
  const lines = [
    `crmkit prism: ${flags.api} mock of ${shown(document)} listening on ${url}`,
    `  mode     ${mode}`,
    `  paths    served at the root, e.g. ${url}${samplePath(document)}`,
    ...prismLimits(flags.api, flags).map((l, i) => `  ${i === 0 ? 'limits' : ''.padEnd(6)}   ${l}`),
    '  Ctrl+C stops it.',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return exited;
}

/** The first documented GET path without path parameters (`.{format}` as `.json`), for the start-up lines. */
export function samplePath(document: string): string {
  const doc = JSON.parse(readFileSync(document, 'utf8')) as { paths?: Record<string, { get?: unknown }> };
  const paths = Object.entries(doc.paths ?? {})
    .filter(([path, item]) => item.get && !path.replace('{format}', '').includes('{'))
    .map(([path]) => path.replace('{format}', 'json'));
  return paths[0] ?? '/';
}

function forward(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}

/** Registers `crmkit prism`. */
export function registerPrism(program: Command): Command {
  return program
    .command('prism')
    .description('Start a Prism mock of one bundled document (spec only, stateless).')
    .addOption(apiOption('API to mock').makeOptionMandatory())
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--port <port>', 'port; 0 picks a free one', '4010')
    .option('--dynamic', 'generate responses from the schemas instead of returning the examples')
    .option('--errors', 'answer request and response violations with errors')
    .option('--seed <seed>', 'seed for --dynamic, for repeatable answers')
    .addOption(
      new Option('-v, --verbose-level <level>', "Prism's log level")
        .choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
        .default('info'),
    )
    .addHelpText(
      'after',
      `
Prism serves the document's paths at the root (no /redmine prefix) and keeps no state; crmkit serve
is the stateful mock. The document is dist/openapi/<api>.json (bundled first when missing).
The exit code is Prism's.

Examples:
  crmkit prism --api redmine                     http://127.0.0.1:4010/projects.json
  crmkit prism --api plutio --port 0 --dynamic   free port, answers generated from the schemas
  crmkit prism --api planio -v warn --errors     quiet log; violations become errors`,
    )
    .action(runAction('prism', runPrism));
}
