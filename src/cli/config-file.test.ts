import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../spec/load.js';
import { serveEnvNames } from './commands/serve.js';
import { applyConfigSection, ConfigError, configKeys, findConfigFile, loadConfigFile } from './config-file.js';
import { buildProgram } from './program.js';

const dir = () => mkdtempSync(join(tmpdir(), 'crmkit-config-'));

/** A command like the real ones: a value flag with a variable, a plain one, choices, a switch pair, a list. */
function sample(): Command {
  return new Command('sample')
    .exitOverride()
    .addOption(new Option('--port <port>').env('SAMPLE_PORT').default('4010'))
    .option('--seed <n>')
    .addOption(new Option('--api <id>').choices(['redmine', 'plutio']))
    .option('--control')
    .option('--no-control')
    .option('--fault <spec>', 'repeatable', (v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
}

async function parse(command: Command, section: Record<string, never> | object, argv: string[], env = {}) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    applyConfigSection(command, section as never, { file: '/x/crmkit.config.yaml', env, envNames: serveEnvNames });
    await command.parseAsync(argv, { from: 'user' });
    return command.opts();
  } finally {
    for (const k of Object.keys(env)) if (!(k in saved)) delete process.env[k];
  }
}

test('the config file is found in the working directory; two at once or a missing --config are refused', () => {
  const d = dir();
  expect(findConfigFile(d)).toBeUndefined();
  writeFileSync(join(d, 'crmkit.config.yaml'), 'serve: {}\n');
  expect(findConfigFile(d)).toBe(join(d, 'crmkit.config.yaml'));
  writeFileSync(join(d, 'crmkit.config.json'), '{}');
  expect(() => findConfigFile(d)).toThrow('both crmkit.config.json and crmkit.config.yaml found');
  expect(() => findConfigFile(d, 'other.yaml')).toThrow('config file other.yaml does not exist');
  expect(findConfigFile(d, 'crmkit.config.json')).toBe(join(d, 'crmkit.config.json'));
});

test('JSON and YAML files load; an unknown section or a non-object is one line naming the file', () => {
  const d = dir();
  writeFileSync(join(d, 'a.json'), '{ "serve": { "port": 0 } }');
  expect(loadConfigFile(join(d, 'a.json'), ['serve'])).toEqual({ serve: { port: 0 } });
  writeFileSync(join(d, 'b.yaml'), 'serev:\n  port: 0\n');
  expect(() => loadConfigFile(join(d, 'b.yaml'), ['serve', 'prism'])).toThrow(
    'unknown key "serev" in b.yaml (sections: serve, prism)',
  );
  writeFileSync(join(d, 'c.yaml'), '- 1\n');
  expect(() => loadConfigFile(join(d, 'c.yaml'), ['serve'])).toThrow(ConfigError);
  writeFileSync(join(d, 'd.json'), '{ "serve": ');
  expect(() => loadConfigFile(join(d, 'd.json'), ['serve'])).toThrow(/^cannot read d\.json: /);
});

test('precedence: flags > variables > config file > defaults', async () => {
  expect((await parse(sample(), {}, [])).port).toBe('4010');
  expect((await parse(sample(), { port: 5000 }, [])).port).toBe('5000');
  expect((await parse(sample(), { port: 5000 }, [], { SAMPLE_PORT: '6000' })).port).toBe('6000');
  expect((await parse(sample(), { port: 5000 }, ['--port', '7000'], { SAMPLE_PORT: '6000' })).port).toBe('7000');
  // A variable the command reads itself (CRMKIT_SEED for serve) leaves the key to the command.
  expect((await parse(sample(), { seed: 3 }, [])).seed).toBe('3');
  expect((await parse(sample(), { seed: 3 }, [], { CRMKIT_SEED: '9' })).seed).toBeUndefined();
});

test('switches, choices and lists: the file takes typed values and a repeated flag replaces the list', async () => {
  expect((await parse(sample(), { control: false }, [])).control).toBe(false);
  expect((await parse(sample(), { control: false }, ['--control'])).control).toBe(true);
  expect((await parse(sample(), { api: 'plutio' }, [])).api).toBe('plutio');
  expect((await parse(sample(), { fault: ['a=1', 'b=2'] }, [])).fault).toEqual(['a=1', 'b=2']);
  expect((await parse(sample(), { fault: ['a=1'] }, ['--fault', 'c=3', '--fault', 'd=4'])).fault).toEqual([
    'c=3',
    'd=4',
  ]);
});

test('an unknown key or a wrong value is one line naming the key and the file', () => {
  const apply = (section: object) =>
    applyConfigSection(sample(), section as never, { file: '/x/crmkit.config.yaml', env: {} });
  expect(() => apply({ prot: 1 })).toThrow(
    'unknown key "prot" in section "sample" of crmkit.config.yaml (known: port, seed, api, control, fault)',
  );
  expect(() => apply({ api: 'jira' })).toThrow(/^sample\.api in crmkit\.config\.yaml: .*redmine, plutio/);
  expect(() => apply({ control: 'yes' })).toThrow('sample.control in crmkit.config.yaml: must be true or false');
  expect(() => apply({ seed: [1, 2] })).toThrow('sample.seed in crmkit.config.yaml: takes one value, not a list');
  expect(() => apply({ seed: { n: 1 } })).toThrow('must be a string or a number');
});

test('crmkit.config.example.yaml is valid for every command of the program', () => {
  const program = buildProgram();
  const file = join(PROJECT_ROOT, 'crmkit.config.example.yaml');
  const config = loadConfigFile(
    file,
    program.commands.map((c) => c.name()),
  );
  expect(Object.keys(config).sort()).toEqual(program.commands.map((c) => c.name()).sort());
  for (const command of program.commands) {
    expect(() => applyConfigSection(command, config[command.name()], { file, env: {} })).not.toThrow();
  }
  expect(configKeys(program.commands.find((c) => c.name() === 'serve') as Command)).toContain('stateFile');
});
