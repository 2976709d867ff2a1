import type { OperationEntry } from '../../src/spec/load.js';
import { firstItemId } from '../support/body-values.js';
import type { Step } from '../support/scenario.js';
import type { ApiSpec } from '../support/spec-model.js';

/** The operations of one Redmine-style resource: `/things.{format}` and `/things/{thing_id}.{format}`. */
export interface ResourceOps {
  /** The collection's static path segments, e.g. `projects` or `companies/contacts`. */
  name: string;
  /** The item path parameter, e.g. `project_id`. */
  idParam: string;
  list?: OperationEntry;
  create?: OperationEntry;
  read?: OperationEntry;
  update?: OperationEntry;
  remove?: OperationEntry;
}

const ITEM = /^(.*)\/\{([^}]+)\}\.\{format\}$/;

const at = (spec: ApiSpec, path: string, method: string) =>
  spec.operations.find((op) => op.path === path && op.method === method);

/** Collection operations on `<anything>/<name>.{format}` (nested creation such as `/projects/{id}/contacts`). */
const nested = (spec: ApiSpec, name: string, method: string) =>
  spec.operations.find((op) => op.method === method && op.path.endsWith(`/${name}.{format}`));

/**
 * Infers resources from Redmine-style paths: every item path `/…/{x_id}.{format}` is paired with its collection
 * path (`/….{format}`; when that has no operation of a kind, a nested collection ending in the same segment).
 */
export function findResources(spec: ApiSpec): ResourceOps[] {
  const out = new Map<string, ResourceOps>();
  for (const op of spec.operations) {
    const m = ITEM.exec(op.path);
    if (!m) continue;
    const [, prefix, idParam] = m as unknown as [string, string, string];
    if (out.has(op.path)) continue;
    const last = prefix.slice(prefix.lastIndexOf('/') + 1);
    if (last.includes('{')) continue;
    const name = prefix
      .split('/')
      .filter((s) => s && !s.includes('{'))
      .join('/');
    const collection = `${prefix}.{format}`;
    out.set(op.path, {
      name,
      idParam,
      list: at(spec, collection, 'GET') ?? nested(spec, last, 'GET'),
      create: at(spec, collection, 'POST') ?? nested(spec, last, 'POST'),
      read: at(spec, op.path, 'GET'),
      update: at(spec, op.path, 'PUT') ?? at(spec, op.path, 'PATCH'),
      remove: at(spec, op.path, 'DELETE'),
    });
  }
  return [...out.values()];
}

/** Path parameters (besides `format`) an operation needs. */
export function pathParams(op: OperationEntry): string[] {
  return op.parameters.filter((p) => p.in === 'path' && p.name !== 'format').map((p) => String(p.name));
}

/** For each item parameter (`project_id`), the list operation of its resource. */
export function listsByParam(spec: ApiSpec): Map<string, OperationEntry> {
  const out = new Map<string, OperationEntry>();
  for (const r of findResources(spec)) if (r.list && !out.has(r.idParam)) out.set(r.idParam, r.list);
  return out;
}

/** Copies the named captured values that exist. */
export const pick = (vars: Record<string, unknown>, names: string[]): Record<string, unknown> =>
  Object.fromEntries(names.filter((n) => vars[n] !== undefined).map((n) => [n, vars[n]]));

/**
 * Steps that find existing objects for an operation's path parameters, in path order, each listing its resource
 * (with the parents found before it) and capturing the first id. A list below another object (the versions of
 * `/projects/{project_id}/versions` for `/versions/{version_id}`) has its own parameters found first, in the
 * same way. Parameters without a list are left to examples.
 */
export function discoverySteps(spec: ApiSpec, op: OperationEntry): { steps: Step[]; params: string[] } {
  const lists = listsByParam(spec);
  const steps: Step[] = [];
  const params: string[] = [];
  const find = (param: string, seen: readonly OperationEntry[]): void => {
    const list = lists.get(param);
    if (!list || seen.includes(list) || params.includes(param)) return;
    for (const parent of pathParams(list)) find(parent, [...seen, list]);
    if (pathParams(list).some((p) => !params.includes(p))) return;
    const parents = [...params];
    steps.push({
      operationId: list.operationId,
      title: `find an existing ${param}`,
      params: (ctx) => pick(ctx.vars, parents),
      capture: (res) => ({ [param]: firstItemId(res.value) }),
    });
    params.push(param);
  };
  for (const param of pathParams(op)) find(param, [op]);
  return { steps, params: params.filter((p) => pathParams(op).includes(p)) };
}
