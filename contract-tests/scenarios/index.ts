import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Scenario, ScenarioContext, ScenarioSet } from '../support/scenario.js';
import { perOperationScenarios } from './per-operation.js';
import { redmineCoreScenarios } from './redmine-core.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Loads `scenarios/<api>.ts` (or `.js`) when it exists: its default export (or `scenarios`) is a ScenarioSet. */
async function apiScenarios(sc: ScenarioContext): Promise<Scenario[]> {
  const file = ['ts', 'js'].map((ext) => join(HERE, `${sc.spec.api}.${ext}`)).find((f) => existsSync(f));
  if (!file) return [];
  const mod = (await import(pathToFileURL(file).href)) as { default?: ScenarioSet; scenarios?: ScenarioSet };
  const set = mod.default ?? mod.scenarios;
  if (typeof set !== 'function') throw new Error(`${file} must default-export a ScenarioSet function`);
  return set(sc);
}

/**
 * Every scenario of a run, in order: one per operation (and format), the Redmine-family core set, then the API's
 * own scenarios and any extra sets. A later scenario with the name of an earlier one replaces it in place.
 */
export async function scenariosFor(sc: ScenarioContext, extra: ScenarioSet[] = []): Promise<Scenario[]> {
  const all = [
    ...perOperationScenarios(sc),
    ...redmineCoreScenarios(sc),
    ...(await apiScenarios(sc)),
    ...extra.flatMap((set) => set(sc)),
  ];
  const byName = new Map<string, Scenario>();
  for (const s of all) byName.set(s.name, s);
  return [...byName.values()];
}
