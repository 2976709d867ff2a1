import type { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { Command, Option } from 'commander';
import { loadYaml } from './yaml.js';

/** File names looked up in the working directory when `--config` is not given, in this order. */
export const CONFIG_FILE_NAMES = ['crmkit.config.json', 'crmkit.config.yaml', 'crmkit.config.yml'] as const;

/** A value a config file may give a flag. */
export type ConfigValue = string | number | boolean | Array<string | number>;

/** A parsed config file: one section per subcommand, keyed by the long flag names in camelCase. */
export type CrmkitConfig = Record<string, Record<string, ConfigValue>>;

/** A config file that cannot be used; the message is one line naming the file (and the key). */
export class ConfigError extends Error {}

/**
 * Finds the config file: `explicit` (from `--config`, relative to `cwd`) when given, which must exist; otherwise the
 * one of {@link CONFIG_FILE_NAMES} present in `cwd`, or `undefined`. Two present at once is an error.
 */
export function findConfigFile(cwd: string, explicit?: string): string | undefined {
  if (explicit !== undefined) {
    const file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`config file ${explicit} does not exist`);
    return file;
  }
  const present = CONFIG_FILE_NAMES.filter((name) => existsSync(join(cwd, name)));
  if (present.length > 1) throw new ConfigError(`both ${present.join(' and ')} found; keep one or pass --config`);
  return present[0] === undefined ? undefined : join(cwd, present[0]);
}

/**
 * Reads a config file (JSON for `.json`, YAML otherwise) and checks its shape: an object whose keys are `sections`
 * (subcommand names), each an object of flag values. Flag names are checked by {@link applyConfigSection}.
 */
export function loadConfigFile(file: string, sections: readonly string[]): CrmkitConfig {
  const name = basename(file);
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = extname(file) === '.json' ? JSON.parse(text) : loadYaml().parse(text);
  } catch (err) {
    throw new ConfigError(`cannot read ${name}: ${firstLine((err as Error).message)}`);
  }
  if (data === null || data === undefined) return {};
  if (!isRecord(data)) throw new ConfigError(`${name} must hold an object with one section per command`);
  for (const [section, body] of Object.entries(data)) {
    if (!sections.includes(section)) {
      throw new ConfigError(`unknown key "${section}" in ${name} (sections: ${sections.join(', ')})`);
    }
    if (body !== null && !isRecord(body)) throw new ConfigError(`"${section}" in ${name} must be an object of flags`);
  }
  return data as CrmkitConfig;
}

/** Names of the `CRMKIT_*` variables a command reads itself for a flag (the flag's config value then yields). */
export type EnvNames = (key: string) => readonly string[];

/** Where a section comes from and which variables outrank it. */
export interface ApplyContext {
  /** The config file's name, for messages. */
  file: string;
  env?: NodeJS.ProcessEnv;
  envNames?: EnvNames;
}

/**
 * Gives a command's options the values of its config section, with source `config`, before the command line is
 * parsed: flags given on the command line then replace them (commander's own precedence), options with an `env()`
 * variable take the variable over the file, and keys whose `CRMKIT_*` variable (`envNames`) is set are left to the
 * command. Throws a {@link ConfigError} naming the key and the file for an unknown key or a value of the wrong type.
 */
export function applyConfigSection(
  command: Command,
  section: Record<string, ConfigValue> | null | undefined,
  context: ApplyContext,
): void {
  const env = context.env ?? process.env;
  const where = (key: string) => `${command.name()}.${key} in ${basename(context.file)}`;
  for (const [key, value] of Object.entries(section ?? {})) {
    const option = command.options.find((o) => o.long !== undefined && o.attributeName() === key);
    if (!option) {
      const known = configKeys(command).join(', ');
      throw new ConfigError(
        `unknown key "${key}" in section "${command.name()}" of ${basename(context.file)} (known: ${known})`,
      );
    }
    const parsed = convert(option, value, (why) => new ConfigError(`${where(key)}: ${why}`));
    if ((context.envNames?.(key) ?? []).some((name) => env[name] !== undefined)) continue;
    command.setOptionValueWithSource(key, parsed, 'config');
    if (Array.isArray(parsed)) forgetOnCommandLine(command, option);
  }
}

/** The config keys of a command: the camelCase names of its long flags (`--no-x` is `x: false`). */
export function configKeys(command: Command): string[] {
  return [...new Set(command.options.filter((o) => o.long !== undefined).map((o) => o.attributeName()))].filter(
    (key) => key !== 'help',
  );
}

function convert(option: Option, value: ConfigValue, fail: (why: string) => Error): unknown {
  const takesValue = option.required || option.optional;
  if (!takesValue) {
    if (typeof value !== 'boolean') throw fail(`must be true or false`);
    return value;
  }
  if (option.optional && typeof value === 'boolean') return value;
  const list = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && !option.variadic && !option.parseArg) throw fail('takes one value, not a list');
  let out: unknown = Array.isArray(value) && option.variadic && !option.parseArg ? [] : undefined;
  for (const item of list) {
    if (typeof item !== 'string' && typeof item !== 'number') throw fail('must be a string or a number');
    const text = String(item);
    try {
      if (option.parseArg) out = option.parseArg(text, out);
      else out = Array.isArray(out) ? [...out, text] : text;
    } catch (err) {
      throw fail(firstLine((err as Error).message));
    }
  }
  return out;
}

/** A repeatable flag given on the command line replaces the file's list instead of adding to it. */
function forgetOnCommandLine(command: Command, option: Option): void {
  const key = option.attributeName();
  (command as unknown as EventEmitter).prependOnceListener(`option:${option.name()}`, () => {
    if (command.getOptionValueSource(key) === 'config')
      command.setOptionValueWithSource(key, option.defaultValue, 'default');
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
