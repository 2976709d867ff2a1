import type { OperationEntry } from '../../src/spec/load.js';
import type { ApiSpec } from '../support/spec-model.js';

/** The operations of one Plutio resource group: everything on `/<collection>` and its `/move` and `/copy`. */
export interface PlutioGroup {
  /** The collection path without its slash, e.g. `task-groups`. */
  name: string;
  list?: OperationEntry;
  create?: OperationEntry;
  update?: OperationEntry;
  remove?: OperationEntry;
  move?: OperationEntry;
  copy?: OperationEntry;
}

/** Groups a Plutio-style document's operations by collection (the token call is left out). */
export function plutioGroups(spec: ApiSpec): PlutioGroup[] {
  const groups = new Map<string, PlutioGroup>();
  for (const op of spec.operations) {
    const m = /^\/([^/{}]+)(?:\/(move|copy))?$/.exec(op.path);
    if (!m || op.path.startsWith('/oauth')) continue;
    const name = m[1]!;
    const group = groups.get(name) ?? { name };
    groups.set(name, group);
    if (m[2] === 'move' || m[2] === 'copy') group[m[2]] = op;
    else if (op.method === 'GET') group.list = op;
    else if (op.method === 'POST') group.create = op;
    else if (op.method === 'PUT') group.update = op;
    else if (op.method === 'DELETE') group.remove = op;
  }
  return [...groups.values()];
}

/** The request example of an operation without its `_id` (the id of the example's record). */
export function exampleWithoutId(op: OperationEntry | undefined): Record<string, unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: an OpenAPI media type object
  const media: any = op?.operation.requestBody?.content?.['application/json'];
  const example = media?.example ?? Object.values<{ value?: unknown }>(media?.examples ?? {})[0]?.value;
  const { _id, ...rest } = (example ?? {}) as Record<string, unknown>;
  return rest;
}
