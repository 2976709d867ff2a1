import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_IDS, PROJECT_ROOT } from '../src/spec/load.js';

// The npm package on its own: `npm pack` (its prepack builds dist/lib, the bundles and the docs site) in a copy of
// this working tree, the tarball installed into an empty project, and every shipped command and the library run from
// there. One pack and one install serve all the checks. Servers listen on 127.0.0.1; the install reaches the npm
// registry (or the npm cache) and nothing else.

const KEY = 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00';
const PROCESS_GROUPS = new Set<number>();

let work = '';
let app = '';
let installed = '';
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };
let beforeCommands: Map<string, string>;

/** Environment of the child processes: this one's without crmkit's own variables and npm's update check. */
function environment(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CRMKIT_')));
  return { ...env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A child in a process group of its own (npx starts a shell that starts node), so that the whole tree can be ended. */
function start(command: string, args: readonly string[], cwd: string): ChildProcess {
  const child = spawn(command, args, { cwd, env: environment(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) PROCESS_GROUPS.add(child.pid);
  return child;
}

async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !PROCESS_GROUPS.has(pid)) return;
  PROCESS_GROUPS.delete(pid);
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // the group has ended
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  clearTimeout(timer);
  signal('SIGKILL');
}

/** Runs a command to its end (the whole process group is killed after `timeoutMs`). */
async function run(command: string, args: readonly string[], cwd: string, timeoutMs: number): Promise<Run> {
  const child = start(command, args, cwd);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    stderr += b.toString();
  });
  const timer = setTimeout(() => void stopGroup(child), timeoutMs);
  const [code] = (await once(child, 'close')) as [number | null];
  clearTimeout(timer);
  await stopGroup(child);
  return { code, stdout, stderr };
}

/** `npx crmkit ...args` in the installed project. */
function crmkit(args: readonly string[], timeoutMs = 180_000): Promise<Run> {
  return run('npx', ['--no', '--', 'crmkit', ...args], app, timeoutMs);
}

/** Starts a long-running `npx crmkit ...` and resolves with its first URL `http://127.0.0.1:<port>` after `marker`. */
async function startCrmkit(args: readonly string[], marker: string): Promise<{ child: ChildProcess; url: string }> {
  const child = start('npx', ['--no', '--', 'crmkit', ...args], app);
  let text = '';
  const pattern = new RegExp(`${marker} (http://127\\.0\\.0\\.1:\\d+)`);
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no "${marker} <url>" within 120 s:\n${text}`)), 120_000);
    const check = (b: Buffer) => {
      text += b.toString();
      const m = text.match(pattern);
      if (m?.[1]) {
        clearTimeout(timer);
        done(m[1]);
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`crmkit ${args.join(' ')} exited (${code}) before "${marker}":\n${text}`));
    });
  });
  return { child, url };
}

/** Every file under `dir` with its size and modification time (to show a command wrote nothing there). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const st = statSync(path);
        out.set(relative(dir, path), `${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return out;
}

/**
 * Module specifiers of a compiled JavaScript or declaration file: `import`/`export ... from` statements (which tsc
 * starts on a line of their own), side-effect imports, dynamic `import(...)`, `typeof import(...)` and `require(...)`.
 */
function specifiers(text: string): string[] {
  const patterns = [
    /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  const found = new Set<string>();
  for (const re of patterns) for (const m of text.matchAll(re)) if (m[1]) found.add(m[1]);
  return [...found];
}

/**
 * Development dependencies a shipped file may name: `crmkit generate` imports openapi-typescript only in a checkout
 * and says so in an installed package.
 */
const CHECKOUT_ONLY_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  'dist/lib/src/cli/commands/generate.js': ['openapi-typescript'],
};

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function filesUnder(dir: string, ends: readonly string[]): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && ends.some((end) => e.name.endsWith(end)))
    .map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  const started = performance.now();
  work = mkdtempSync(join(tmpdir(), 'crmkit-package-'));
  // A copy of the working tree without its outputs and dependencies: the pack builds everything it ships.
  const source = join(work, 'source');
  const skipped = new Set(['node_modules', 'dist', '.git', 'coverage', '.screenshots']);
  cpSync(PROJECT_ROOT, source, {
    recursive: true,
    filter: (path) => !skipped.has(relative(PROJECT_ROOT, path).split(sep)[0] ?? ''),
  });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  const pack = await run('npm', ['pack', '--json', '--pack-destination', work], source, 900_000);
  if (pack.code !== 0) throw new Error(`npm pack failed (${pack.code}):\n${pack.stderr.slice(-4000)}`);
  const [result] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as (typeof packed)[];
  if (!result) throw new Error(`npm pack printed no result:\n${pack.stdout}`);
  packed = result;
  const packedAt = performance.now();

  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'crmkit-user', private: true, type: 'module' }));
  const tarball = join(work, packed.filename);
  const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], app, 900_000);
  if (install.code !== 0) throw new Error(`npm install failed (${install.code}):\n${install.stderr.slice(-4000)}`);
  installed = join(app, 'node_modules', 'crmkit');
  beforeCommands = snapshot(installed);
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
  const s = (from: number, to: number) => `${((to - from) / 1000).toFixed(0)} s`;
  console.log(
    `crmkit package: ${mb(packed.size)} packed, ${mb(packed.unpackedSize)} unpacked, ${packed.files.length} files; ` +
      `copy and pack ${s(started, packedAt)}, install ${s(packedAt, performance.now())}`,
  );
}, 1_800_000);

afterAll(async () => {
  for (const pid of [...PROCESS_GROUPS]) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already ended
    }
  }
  PROCESS_GROUPS.clear();
  if (work) await rm(work, { recursive: true, force: true });
}, 600_000);

describe('the packed package', () => {
  it('holds the documents, bundles, docs site, compiled JavaScript, the command and README, and nothing of the tests', () => {
    const files = packed.files.map((f) => f.path);
    const expected = [
      'README.md',
      'package.json',
      'bin/crmkit.js',
      'redocly.yaml',
      'dist/lib/src/index.js',
      'dist/lib/src/index.d.ts',
      'dist/lib/src/cli/index.js',
      'dist/lib/contract-tests/run.js',
      'dist/docs/index.html',
      ...API_IDS.flatMap((id) => [
        `openapi/${id}/openapi.yaml`,
        `dist/openapi/${id}.json`,
        `dist/openapi/${id}.yaml`,
        `dist/docs/reference/${id}.html`,
      ]),
    ];
    expect(expected.filter((f) => !files.includes(f))).toEqual([]);
    const testOnly =
      /\.test\.|\.map$|vitest|(^|\/)test-(support|client)\.|cli-process\.|src\/testing\/|contract-tests\/(live|fixtures)\/|lifecycle-cases\./;
    expect(files.filter((f) => testOnly.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(
      files.filter(
        (f) =>
          !/^(README\.md|package\.json|redocly\.yaml|crmkit\.config\.example\.yaml|bin\/|dist\/(lib|openapi|docs)\/|openapi\/|docs\/)/.test(
            f,
          ),
      ),
    ).toEqual([]);
  });

  it('imports, in its compiled JavaScript and declarations, only its own shipped files, Node built-ins and its dependencies', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('tsx');
    const problems: string[] = [];
    for (const file of filesUnder(join(installed, 'dist', 'lib'), ['.js', '.d.ts'])) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        const where = `${relative(installed, file)}: ${spec}`;
        if (spec.startsWith('.')) {
          const target = resolve(dirname(file), spec);
          const shipped = file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target;
          if (!existsSync(shipped)) problems.push(`${where} (not shipped)`);
        } else if (spec.startsWith('node:') || builtinModules.includes(spec)) {
          // Node built-in
        } else if (packageName(spec) in manifest.dependencies) {
          // a dependency
        } else if (!CHECKOUT_ONLY_IMPORTS[relative(installed, file).split(sep).join('/')]?.includes(spec)) {
          problems.push(`${where} (not a dependency)`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Nothing of the checkout is installed with it: the command runs without tsx, and the docs console's Swagger UI
    // comes from the built site it ships (swagger-ui-dist stays out).
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(app, 'node_modules', 'swagger-ui-dist'))).toBe(false);
  });
});

describe('installed into an empty project', () => {
  // Independent checks, run side by side; each may take minutes on a loaded machine.
  describe.concurrent('its commands and library', { timeout: 900_000 }, () => {
    it('crmkit serve --port 0 answers an authenticated read of each API and the docs site', async () => {
      const { child, url } = await startCrmkit(['serve', '--port', '0'], 'listening on');
      try {
        const family = { redmine: 'projects', planio: 'companies', redmineup: 'contacts' } as const;
        for (const [api, collection] of Object.entries(family)) {
          const res = await fetch(`${url}/${api}/${collection}.json?limit=1`, {
            headers: { 'X-Redmine-API-Key': KEY },
          });
          expect(res.status, api).toBe(200);
          const body = (await res.json()) as Record<string, unknown>;
          expect((body[collection] as unknown[]).length, api).toBe(1);
        }
        const plutio = `${url}/plutio/v1.8`;
        const token = await fetch(`${plutio}/oauth/token`, {
          method: 'POST',
          body: new URLSearchParams({
            client_id: 'crmkit-client',
            client_secret: 'crmkit-secret',
            grant_type: 'client_credentials',
          }),
        });
        expect(token.status).toBe(200);
        const { accessToken } = (await token.json()) as { accessToken: string };
        const people = await fetch(`${plutio}/people?limit=1`, {
          headers: { Authorization: `Bearer ${accessToken}`, Business: 'acme' },
        });
        expect(people.status).toBe(200);
        expect(((await people.json()) as unknown[]).length).toBe(1);
        const docs = await fetch(`${url}/docs/`);
        expect(docs.status).toBe(200);
        expect(await docs.text()).toContain('<html');
        const reference = await fetch(`${url}/docs/reference/planio.html`);
        expect(reference.status).toBe(200);
      } finally {
        await stopGroup(child);
      }
    });

    it('crmkit contract --api planio --target <URL> --read-only passes against the reference server', async () => {
      const { child, url } = await startCrmkit(['serve', '--port', '0', '--api', 'planio'], 'listening on');
      try {
        const result = await crmkit([
          'contract',
          '--api',
          'planio',
          '--target',
          url,
          '--read-only',
          '--json',
          '--quiet',
        ]);
        expect(result.code, result.stderr).toBe(0);
        const report = JSON.parse(result.stdout) as { ok: boolean; totals: { passed: number; failed: number } };
        expect(report.ok).toBe(true);
        expect(report.totals.failed).toBe(0);
        expect(report.totals.passed).toBeGreaterThan(0);
      } finally {
        await stopGroup(child);
      }
    });

    it('crmkit prism --api redmine serves the shipped document', async () => {
      const { child, url } = await startCrmkit(
        ['prism', '--api', 'redmine', '--port', '0', '-v', 'warn'],
        'listening on',
      );
      try {
        const res = await fetch(`${url}/projects.json`, { headers: { 'X-Redmine-API-Key': KEY } });
        expect(res.status).toBe(200);
        expect(Array.isArray(((await res.json()) as { projects: unknown }).projects)).toBe(true);
      } finally {
        await stopGroup(child);
      }
    });

    it('crmkit lint lints the shipped documents', async () => {
      const result = await crmkit(['lint', '--json']);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { ok: boolean; apis: { api: string }[] };
      expect(report.ok).toBe(true);
      expect(report.apis.map((a) => a.api)).toEqual([...API_IDS]);
    });

    it('crmkit bundle writes ./dist/openapi under the working directory, the same document the package ships', async () => {
      const result = await crmkit(['bundle', '--api', 'planio', '--json', '--quiet']);
      expect(result.code, result.stderr).toBe(0);
      const { files } = JSON.parse(result.stdout) as { files: { path: string }[] };
      expect(files.map((f) => f.path)).toEqual(['dist/openapi/planio.json', 'dist/openapi/planio.yaml']);
      const written = JSON.parse(readFileSync(join(app, 'dist', 'openapi', 'planio.json'), 'utf8')) as unknown;
      const shipped = JSON.parse(readFileSync(join(installed, 'dist', 'openapi', 'planio.json'), 'utf8')) as unknown;
      expect(written).toEqual(shipped);
    });

    it('crmkit docs builds the site in ./dist/docs under the working directory', async () => {
      const result = await crmkit(['docs', '--json', '--quiet'], 600_000);
      expect(result.code, result.stderr).toBe(0);
      const site = JSON.parse(result.stdout) as { out: string; pages: string[]; missing: string[] };
      expect(site.out).toBe(join('dist', 'docs'));
      expect(site.missing).toEqual([]);
      for (const id of API_IDS) expect(site.pages).toContain(`reference/${id}.html`);
      for (const page of site.pages) expect(existsSync(join(app, 'dist', 'docs', page)), page).toBe(true);
      expect(site.pages).toContain('console/plutio.html');
      expect(existsSync(join(app, 'dist', 'docs', 'assets', 'swagger-ui', 'swagger-ui-bundle.js'))).toBe(true);
    });

    it('crmkit generate says it is a command of the checkout', async () => {
      const result = await crmkit(['generate']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('in a checkout of crmkit');
    });

    it("import { createPlanioClient, startServer } from 'crmkit' starts a server and reads through the client", async () => {
      const script = `
        import { createPlanioClient, startServer } from 'crmkit';
        const server = await startServer({ host: '127.0.0.1', port: 0, log: () => {} });
        try {
          const planio = createPlanioClient({ baseUrl: server.url + '/planio', apiKey: '${KEY}' });
          const { data, response } = await planio.GET('/companies/{company_id}.{format}', {
            params: { path: { company_id: 1, format: 'json' } },
          });
          console.log(JSON.stringify({ status: response.status, id: data.company.id }));
        } finally {
          await server.close();
        }`;
      const result = await run(process.execPath, ['--input-type=module', '-e', script], app, 120_000);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({ status: 200, id: 1 });
    });

    it('type-checks in a strict TypeScript project with moduleResolution nodenext', async () => {
      writeFileSync(
        join(app, 'check.ts'),
        `import { createPlanioClient, type RunningServer, startServer } from 'crmkit';

const server: RunningServer = await startServer({ host: '127.0.0.1', port: 0 });
const planio = createPlanioClient({ baseUrl: \`\${server.url}/planio\`, apiKey: '${KEY}' });
const { data } = await planio.GET('/companies/{company_id}.{format}', {
  params: { path: { company_id: 1, format: 'json' } },
});
const name: string | undefined = data?.company.name;
// @ts-expect-error: not a documented path (fails if the package's types were missing and all this were any)
await planio.GET('/no-such-path.json');
console.log(name);
await server.close();
`,
      );
      writeFileSync(
        join(app, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            target: 'ES2022',
            module: 'nodenext',
            moduleResolution: 'nodenext',
            strict: true,
            noEmit: true,
            types: ['node'],
            typeRoots: [join(PROJECT_ROOT, 'node_modules', '@types')],
          },
          files: ['check.ts'],
        }),
      );
      const tsc = join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], app, 300_000);
      expect(result.code, result.stdout + result.stderr).toBe(0);
    });
  });

  it('wrote nothing inside node_modules/crmkit', () => {
    expect(snapshot(installed)).toEqual(beforeCommands);
  });
});
