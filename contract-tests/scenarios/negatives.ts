// biome-ignore-all lint/suspicious/noExplicitAny: JSON Schema objects are walked generically.
import type { OperationEntry } from '../../src/spec/load.js';
import { idFromLocation, idOf } from '../support/body-values.js';
import { requestExample, requestMediaType, requestSchema } from '../support/examples.js';
import { isXml } from '../support/media-type.js';
import type { Scenario, ScenarioContext, Step } from '../support/scenario.js';
import { allowsAnonymous, documentedStatuses, isWrite, operationLabel } from '../support/spec-model.js';
import type { Format } from '../support/types.js';
import { discoverySteps, pathParams, pick } from './resources.js';

const documents = (op: OperationEntry, status: number) => documentedStatuses(op).includes(String(status));

/** A write to an id this run did not create could change someone's data if the server wrongly accepted it. */
const LIVE_WRITE = 'a live server that wrongly accepted this request would change an object this run did not create';

const liveGuard = (sc: ScenarioContext, op: OperationEntry) =>
  sc.target === 'live' && isWrite(op) && op.method !== 'POST' ? LIVE_WRITE : undefined;

/** Deletes whatever a wrongly accepted create made, through the resource's delete operation. */
export function cleanupAfterCreate(remove: OperationEntry | undefined, idParam: string | undefined, format?: Format) {
  if (!remove || !idParam) return undefined;
  return (res: { value: unknown; headers: Record<string, string> }) => {
    const id = idOf(res.value) ?? idFromLocation(res.headers.location);
    if (id === undefined) return undefined;
    const step: Step = {
      operationId: remove.operationId,
      format,
      params: { [idParam]: id },
      title: `cleanup: delete ${id}`,
    };
    return { key: `${remove.operationId}:${String(id)}`, step };
  };
}

/** No credentials where the operation requires them → the documented 401. */
export function noAuthScenario(sc: ScenarioContext, op: OperationEntry, format?: Format, cleanup?: Step['cleanup']) {
  if (allowsAnonymous(sc.spec, op) || !documents(op, 401)) return undefined;
  // A real Redmine looks the object up before it checks the caller: ids in the path name existing objects.
  const found = sc.target === 'prism' ? { steps: [], params: [] } : discoverySteps(sc.spec, op);
  const s: Scenario = {
    name: `negative ${operationLabel(op, format)} without credentials`,
    kind: 'negative',
    format,
    notApplicable: liveGuard(sc, op),
    steps: [
      ...found.steps,
      {
        operationId: op.operationId,
        title: 'no credentials → 401',
        anonymous: true,
        params: (ctx) => pick(ctx.vars, found.params),
        expect: { status: 401 },
        cleanup,
      },
    ],
  };
  return s;
}

/** The URL without its `.json`/`.xml` suffix → the documented 406. */
export function noSuffixScenario(sc: ScenarioContext, op: OperationEntry, cleanup?: Step['cleanup']) {
  if (!op.path.endsWith('.{format}') || !documents(op, 406)) return undefined;
  const label = `${op.method} ${op.path.slice(0, -'.{format}'.length)}`;
  // A real Redmine looks the object up before it looks at the format: ids in the path name existing objects.
  const found = sc.target === 'prism' ? { steps: [], params: [] } : discoverySteps(sc.spec, op);
  const s: Scenario = {
    name: `negative ${label} without format suffix`,
    kind: 'negative',
    notApplicable: liveGuard(sc, op),
    steps: [
      ...found.steps.map((step) => ({ ...step, format: 'json' as const })),
      {
        operationId: op.operationId,
        title: 'no format suffix → 406',
        format: 'json',
        label,
        params: (ctx) => pick(ctx.vars, found.params),
        rewritePath: (path) => path.replace(/\.json(?=\?|$)/, ''),
        // A real Redmine serves its HTML web UI to `Accept: */*` (curl, browsers) on these paths; API clients, which
        // ask for JSON, get the 406 (with their media type as Content-Type and the text hint as body). Prism ignores
        // Accept here and answers 404.
        headers: { Accept: sc.target === 'prism' ? '*/*' : 'application/json' },
        expect: { status: 406 },
        cleanup,
      },
    ],
  };
  return s;
}

/** `X-Redmine-Switch-User` naming a login that does not exist → the documented 412. */
export function unknownSwitchUserScenario(
  sc: ScenarioContext,
  op: OperationEntry,
  format?: Format,
  cleanup?: Step['cleanup'],
) {
  const header = op.parameters.find((p) => p.in === 'header' && /^x-redmine-switch-user$/i.test(String(p.name)));
  if (!header || !documents(op, 412)) return undefined;
  const current = sc.spec.operations.find((o) => o.method === 'GET' && o.path === '/users/current.{format}');
  const adminCheck: Step[] = current
    ? [
        {
          operationId: current.operationId,
          title: 'are the credentials an administrator’s?',
          capture: (res) => ({ admin: (res.resource as { admin?: unknown } | undefined)?.admin === true }),
        },
      ]
    : [];
  const s: Scenario = {
    name: `negative ${operationLabel(op, format)} unknown switch user`,
    kind: 'negative',
    format,
    notApplicable: liveGuard(sc, op) ?? (current ? undefined : 'no /users/current to tell an administrator'),
    stateful: 'whether a login exists is state, while Prism accepts any header value',
    steps: [
      ...adminCheck,
      {
        skipIf: (ctx) =>
          ctx.vars.admin
            ? undefined
            : 'only an administrator’s X-Redmine-Switch-User is honoured; these credentials are not',
        operationId: op.operationId,
        title: 'unknown X-Redmine-Switch-User → 412',
        params: (ctx) => ({ [header.name]: `nobody-${ctx.tag}` }),
        expect: { status: 412 },
        cleanup,
      },
    ],
  };
  return s;
}

/** A value for an id parameter that names nothing: out of range for integers, a run-unique name otherwise. */
const unknownId = (op: OperationEntry, param: string, tag: string) => {
  const schema = op.parameters.find((p) => p.name === param)?.schema;
  return [schema?.type].flat().includes('integer') ? 2147483000 : `missing-${tag}`;
};

/**
 * An unknown id → the documented 404. Writes first read the same id and go ahead only when the read said 404, so a
 * live object is never touched.
 */
export function unknownIdScenario(op: OperationEntry, read: OperationEntry | undefined, format?: Format) {
  const param = pathParams(op).at(-1);
  if (!param || !documents(op, 404)) return undefined;
  const idStep = (o: OperationEntry, title: string): Step => ({
    operationId: o.operationId,
    title,
    params: (ctx) => ({ [param]: unknownId(o, param, ctx.tag) }),
    expect: { status: 404 },
  });
  const steps: Step[] = [];
  if (isWrite(op)) {
    if (!read || !documents(read, 404)) return undefined;
    steps.push({
      ...idStep(read, 'the id is unknown'),
      capture: (res) => ({ absent: res.status === 404 || undefined }),
    });
    steps.push({ ...idStep(op, 'unknown id → 404'), skipIf: (ctx) => (ctx.vars.absent ? undefined : 'the id exists') });
  } else steps.push(idStep(op, 'unknown id → 404'));
  const s: Scenario = {
    name: `negative ${operationLabel(op, format)} unknown id`,
    kind: 'negative',
    format,
    stateful: 'whether an id exists is state, while Prism answers every id with the example',
    steps,
  };
  return s;
}

/**
 * A create without its required fields → the documented 422. When the schema lists required properties the first
 * one is dropped (Prism's request validation can answer that); when the requirement is only enforced by the server
 * (as for Redmine's `name`), an empty object is sent, which only a real server can refuse.
 */
export function missingFieldScenario(
  sc: ScenarioContext,
  op: OperationEntry,
  format?: Format,
  cleanup?: Step['cleanup'],
) {
  const mediaType = requestMediaType(op, format);
  if (op.method !== 'POST' || !mediaType || !documents(op, 422)) return undefined;
  const schema: any = requestSchema(op, mediaType);
  const wrapperKey =
    !isXml(mediaType) && schema?.properties && Object.keys(schema.properties).length === 1
      ? Object.keys(schema.properties)[0]
      : undefined;
  const inner = wrapperKey ? schema.properties[wrapperKey] : schema;
  const required: string[] = inner?.required ?? [];
  const emptied = required.length > 0 ? `without ${required[0]}` : 'with an empty object';
  const found = sc.target === 'prism' ? { steps: [], params: [] } : discoverySteps(sc.spec, op);
  const s: Scenario = {
    name: `negative ${operationLabel(op, format)} ${emptied}`,
    kind: 'negative',
    format,
    stateful:
      required.length > 0
        ? undefined
        : 'the document leaves the required fields to the server, so only a real server can refuse the empty object',
    steps: [
      ...found.steps,
      {
        operationId: op.operationId,
        title: `create ${emptied} → 422`,
        params: (ctx) => pick(ctx.vars, found.params),
        body: () => {
          const value: Record<string, unknown> = {};
          if (required.length > 0) {
            const example: any = requestExample(op, mediaType);
            const base = typeof example === 'string' ? sc.xml.read(example, schema).value : example;
            Object.assign(value, wrapperKey ? base?.[wrapperKey] : base);
            delete value[required[0]!];
          }
          return wrapperKey ? { [wrapperKey]: value } : value;
        },
        expect: { status: 422 },
        cleanup,
      },
    ],
  };
  return s;
}
