import type { Schema } from '../../src/server/operations.js';
import type { ApiId } from '../../src/spec/load.js';
import { ADMIN_KEY } from './credentials.js';
import { plutioSession } from './plutio.js';
import type { InProcessServer } from './servers.js';
import { specKit } from './spec.js';

/** A create operation to aim hostile bodies at: URL, headers (credentials) and the resource's envelope key. */
export interface WriteTarget {
  api: ApiId;
  /** operationId of the create, to read its body schema. */
  operationId: string;
  url: string;
  headers: Record<string, string>;
  /** JSON envelope key (`project`), or undefined when the body is the record itself (Plutio). */
  envelope: string | undefined;
  /** A minimal valid record for the create. */
  valid: (tag: string) => Record<string, unknown>;
}

/** The create operations of the Redmine-family APIs, called as the administrator. */
export function familyTargets(srv: InProcessServer, format: 'json' | 'xml' = 'json'): WriteTarget[] {
  const headers = { 'x-redmine-api-key': ADMIN_KEY, accept: `application/${format}` };
  return [
    {
      api: 'redmine',
      operationId: 'createProject',
      url: `${srv.api('redmine')}/projects.${format}`,
      headers,
      envelope: 'project',
      valid: (tag) => ({ name: `Project ${tag}`, identifier: `p-${tag}`.toLowerCase().replace(/[^a-z0-9-]/g, '-') }),
    },
    {
      api: 'planio',
      operationId: 'createCompany',
      url: `${srv.api('planio')}/companies.${format}`,
      headers,
      envelope: 'company',
      valid: (tag) => ({ name: `Company ${tag}` }),
    },
    {
      api: 'redmineup',
      operationId: 'createContact',
      url: `${srv.api('redmineup')}/contacts.${format}`,
      headers,
      envelope: 'contact',
      valid: (tag) => ({ first_name: `Contact ${tag}`, project_id: 1 }),
    },
  ];
}

/** `POST /people` of Plutio as business acme (fails with the reason when Plutio is not served). */
export async function plutioTarget(srv: InProcessServer): Promise<WriteTarget> {
  const apiUrl = srv.api('plutio');
  const session = await plutioSession(apiUrl, 'acme');
  return {
    api: 'plutio',
    operationId: 'createPerson',
    url: `${apiUrl}/people`,
    headers: { ...session.headers, accept: 'application/json' },
    envelope: undefined,
    valid: (tag) => ({ name: { first: `Person ${tag}`, last: 'Reliability' }, role: 'lead', status: 'active' }),
  };
}

/** Wraps a record in the target's envelope. */
export function enveloped(target: WriteTarget, record: unknown): unknown {
  return target.envelope ? { [target.envelope]: record } : record;
}

/**
 * The first array property the create's JSON body declares, with an item of the wrong type for it (a number for
 * string items, a string otherwise): a huge array of such items makes the validator report one error per item.
 */
export function declaredArrayField(t: WriteTarget): [string, unknown] {
  const op = specKit(t.api).spec.byId.get(t.operationId);
  const content = (op?.operation.requestBody?.content ?? {}) as Record<string, { schema?: Schema }>;
  let schema = content['application/json']?.schema;
  if (t.envelope) schema = schema?.properties?.[t.envelope] as Schema | undefined;
  for (const [name, prop] of Object.entries<Schema>(schema?.properties ?? {})) {
    const types = [prop.type].flat();
    if (types.includes('array')) return [name, [prop.items?.type].flat().includes('string') ? 1 : 'x'];
  }
  return ['tags', 1];
}
