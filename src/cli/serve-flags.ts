import type { ApiSettingValues } from '../app/registry.js';

/** The server's own flags of `crmkit serve`, as commander parses them. */
export interface CoreServeFlags {
  host?: string;
  port?: string | number;
  api?: string;
  seed?: string | number;
  validateResponses?: boolean;
  bodyLimit?: string | number;
  maxRecords?: string | number;
  maxStateSize?: string | number;
  /** true for `--control`, false for `--no-control`, unset for neither. */
  control?: boolean;
  /** Every `--allowed-host` given, in order. */
  allowedHost?: string[];
  controlToken?: string;
  /** false for `--no-cors` (commander's default for it is true). */
  cors?: boolean;
  /** Every `--fault` given, in order. */
  fault?: string[];
  stateFile?: string;
  fixturesDir?: string;
}

/** The APIs' flags (`API_SETTINGS`): text, or a whole number typed as text or given as a number by a config file. */
export type ApiServeFlags = {
  [Key in keyof ApiSettingValues]?: ApiSettingValues[Key] extends string | undefined ? string : string | number;
};

/**
 * Flags of `crmkit serve` as commander parses them, keyed by the camelCase attribute name that a config file's
 * `serve` section uses too. Values are strings where the user typed text (numbers are accepted from config files).
 */
export type ServeFlags = CoreServeFlags & ApiServeFlags;

/** The variable of a serve flag: `CRMKIT_` + the key in upper snake case (`stateFile` → `CRMKIT_STATE_FILE`). */
export function serveEnvName(key: keyof ServeFlags | string): string {
  return `CRMKIT_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}
