import { once } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/spec/load.js';
import { COMPILED_CLI, ensureBuild, serveNodeFlags, staleReason } from './lib/build.js';
import { installCleanupHandlers, rssBytes, spawnChild, stopAll, waitIdle } from './lib/children.js';
import { type ContractTiming, timeContracts } from './lib/contract.js';
import { parseOptions, USAGE } from './lib/options.js';
import { type ProfileSummary, summariseProfileDir, toggleProfiler } from './lib/profile.js';
import { formatFigures, formatNotes, formatTable, formatTargets, type ProcessFigures } from './lib/report.js';
import { machineFacts, workloadResults, writeResults } from './lib/results.js';
import { estimateSeconds, runRounds } from './lib/rounds.js';
import { prepareRows, startLoadServers } from './lib/setup.js';
import { measureStartups, type StartupSummary } from './lib/startup.js';
import { judgeTargets } from './lib/targets.js';
import { WORKLOADS } from './lib/workloads.js';

const print = (line = '') => process.stdout.write(`${line}\n`);

/** Bundles the OpenAPI documents (a fresh clone has none); keeps going on failure when bundles already exist. */
async function bundle(): Promise<void> {
  const child = spawnChild('bundle', ['scripts/bundle.mjs']);
  await once(child.proc, 'exit');
  if (child.proc.exitCode !== 0) print(`warning: npm run bundle failed, using the existing bundles\n${child.output()}`);
}

/**
 * Builds the compiled CLI when it is missing or older than the sources (unless `--no-build`); falls back to tsx when
 * there is none. Returns how crmkit is to be started.
 */
async function build(allowed: boolean): Promise<'compiled' | 'tsx'> {
  const reason = staleReason();
  if (!allowed) {
    if (!existsSync(join(PROJECT_ROOT, COMPILED_CLI))) {
      print(`warning: ${COMPILED_CLI} is missing (--no-build); crmkit runs through tsx`);
      return 'tsx';
    }
    if (reason) print(`warning: ${reason}; measuring it as it is (--no-build)`);
    return 'compiled';
  }
  if (reason) print(`Building the compiled CLI (${reason}) ...`);
  const state = await ensureBuild();
  if (state.warning) print(`warning: ${state.warning}`);
  if (state.rebuilt) print(`  built in ${((state.ms ?? 0) / 1000).toFixed(1)} s`);
  if (state.ready) return 'compiled';
  print('warning: no up-to-date compiled CLI; crmkit runs through tsx');
  return 'tsx';
}

/**
 * `npm run bench`: start-up of the reference server, then rounds of autocannon load alternating crmkit, Prism and a
 * bare node:http server on every workload, memory, contract run times, the targets, and `bench/results.json`.
 */
async function main(): Promise<void> {
  let opts: ReturnType<typeof parseOptions>;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`bench: ${(err as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (!opts) {
    print(USAGE);
    return;
  }
  installCleanupHandlers();
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const machine = machineFacts();
  const workloads = WORKLOADS.filter((w) => opts.workloads.includes(w.id));
  const upper = workloads.length * opts.servers.length * (opts.rounds * (opts.duration + 0.2) + opts.warmup + 0.2);
  print(
    `crmkit benchmark — Node ${machine.node}, ${machine.cpus} cores (${machine.cpuModel ?? '?'}), load ${machine.loadAverageAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  print(
    `${opts.rounds} rounds × ${workloads.length} workloads × ${opts.servers.length} servers, -c ${opts.connections} -d ${opts.duration}, warm-up ${opts.warmup} s; load phase at most ~${Math.ceil(upper)} s`,
  );
  await bundle();
  const runner = opts.servers.includes('crmkit') ? await build(opts.build) : 'compiled';

  let startup: StartupSummary | undefined;
  if (opts.startups > 0 && opts.servers.includes('crmkit')) {
    const also = runner === 'compiled' ? ', each followed by one start through tsx' : '';
    print(`\nStart-up: ${opts.startups} fresh reference servers (${runner} CLI), default settings${also} ...`);
    startup = await measureStartups(opts.startups, opts.people, runner);
  }

  const profileDir = opts.profile
    ? join(PROJECT_ROOT, 'dist', 'bench-profiles', startedAt.replace(/[:.]/g, '-'))
    : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  print('\nStarting the load servers (crmkit, prism per document, bare) ...');
  const servers = await startLoadServers(opts.servers, workloads, {
    plutioPeople: opts.people,
    unlimited: true,
    runner,
    profileDir,
  });
  const processes: ProcessFigures[] = [];
  if (servers.crmkit)
    processes.push({ name: 'crmkit', startupMs: servers.crmkit.startupMs, pid: servers.crmkit.child.pid });
  for (const p of Object.values(servers.prism))
    processes.push({ name: `prism ${p.api}`, startupMs: p.startupMs, pid: p.child.pid });
  if (servers.bare) processes.push({ name: 'bare', startupMs: servers.bare.startupMs, pid: servers.bare.child.pid });
  for (const p of processes) p.rssAfterStart = rssBytes(p.pid);
  const settled = await Promise.all(processes.map((p) => waitIdle(p.pid)));
  processes.forEach((p, i) => {
    p.settleMs = settled[i];
  });

  const { rows, found } = await prepareRows(servers, workloads, opts.people);
  const estimate = estimateSeconds(rows, opts);
  print(
    `Measuring ${rows.flatMap((r) => Object.values(r.cells)).filter((c) => c.available).length} workload/server pairs, about ${Math.ceil(estimate)} s ...`,
  );
  if (profileDir && servers.crmkit) await toggleProfiler(servers.crmkit.child.pid, profileDir, false);
  await runRounds(rows, opts, print);
  if (profileDir && servers.crmkit) await toggleProfiler(servers.crmkit.child.pid, profileDir, true);
  for (const p of processes) p.rssAfterLoad = rssBytes(p.pid);
  for (const row of rows)
    for (const c of Object.values(row.cells)) {
      const limited = c.samples.reduce((n, s) => n + (s.statuses['429'] ?? 0), 0);
      if (limited) c.notes.push(`${limited} answers were 429 (rate limited): start with --plutio-rate-limit 0`);
    }

  let profile: ProfileSummary | undefined;
  if (profileDir) profile = summariseProfileDir(profileDir);
  await stopAll();

  let contracts: ContractTiming[] | undefined;
  if (opts.contract) {
    print('\nTiming the contract runs against the reference server ...');
    contracts = await timeContracts();
  }

  const totalSeconds = (performance.now() - started) / 1000;
  const targets = judgeTargets({
    rows,
    startup,
    rssAfterLoad: processes.find((p) => p.name === 'crmkit')?.rssAfterLoad,
    storeOk: found?.storeOk ?? false,
    people: opts.people,
    totalSeconds,
  });
  print(`\n${formatTable(rows)}`);
  const notes = formatNotes(rows);
  if (notes) print(`\n${notes}`);
  print(`\n${formatFigures(startup, processes, contracts)}`);
  if (profile) print(`\n${profile.text}`);
  print(`\n${formatTargets(targets)}`);
  const { out, ...settings } = opts;
  writeResults(resolve(PROJECT_ROOT, out), {
    startedAt,
    totalSeconds: Math.round(totalSeconds),
    machine: { ...machine, loadAverageAtEnd: loadavg() },
    settings,
    serverNodeFlags: serveNodeFlags(),
    workloads: workloadResults(rows),
    startup,
    processes,
    contracts,
    targets,
    profile: profile?.data,
  });
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  print(`\nWrote ${out} (${Math.round(totalSeconds)} s in all; load average now ${load})`);
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
