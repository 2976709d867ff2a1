import type { ApiId, OperationEntry } from '../../../src/spec/load.js';
import { ADMIN_KEY, basic, JSMITH_KEY } from '../credentials.js';
import { send } from '../http.js';
import { plutioSession, recordIds } from '../plutio.js';
import type { SpecKit } from '../spec.js';

/** Credentials a fuzz request is sent with. The first variant of a plan is the valid, all-powerful one. */
export interface AuthVariant {
  name: string;
  headers: Record<string, string>;
  query: [string, string][];
}

/** Everything the case generator draws from for one API. */
export interface FuzzPlan {
  api: ApiId;
  kit: SpecKit;
  ops: OperationEntry[];
  auths: AuthVariant[];
  /** Ids of existing records (path parameters, Plutio `_id`s), to reach handlers past the 404. */
  ids: string[];
  /** Plutio: ids of existing records by collection path (`/people`). */
  idsByPath: Record<string, string[]>;
  family: boolean;
}

const variant = (name: string, headers: Record<string, string> = {}, query: [string, string][] = []) => ({
  name,
  headers,
  query,
});

/** The Redmine-family plan: seeded keys and logins, broken ones and the switch-user header. */
export function familyPlan(api: ApiId, kit: SpecKit): FuzzPlan {
  const admin = { 'x-redmine-api-key': ADMIN_KEY };
  const auths = [
    variant('admin-key', admin),
    variant('admin-key-query', {}, [['key', ADMIN_KEY]]),
    variant('jsmith-key', { 'x-redmine-api-key': JSMITH_KEY }),
    variant('admin-basic', { authorization: basic('admin', 'admin') }),
    variant('jsmith-basic', { authorization: basic('jsmith', 'jsmith') }),
    variant('key-as-basic-login', { authorization: basic(ADMIN_KEY, 'x') }),
    variant('wrong-key', { 'x-redmine-api-key': 'f'.repeat(40) }),
    variant('wrong-password', { authorization: basic('admin', 'wrong') }),
    variant('garbage-authorization', { authorization: 'Basic %%%=' }),
    variant('anonymous'),
    variant('switch-to-jsmith', { ...admin, 'x-redmine-switch-user': 'jsmith' }),
    variant('switch-to-unknown', { ...admin, 'x-redmine-switch-user': 'nobody' }),
    variant('jsmith-switch-to-admin', { 'x-redmine-api-key': JSMITH_KEY, 'x-redmine-switch-user': 'admin' }),
  ];
  const ids = ['1', '2', '3', '4', '5', '6', '7', '8', '12', 'data-warehouse', 'field-service'];
  return { api, kit, ops: kit.spec.operations, auths, ids, idsByPath: {}, family: true };
}

/**
 * The Plutio plan: tokens of both seeded apps (acme and globex), cross-tenant and broken credentials, and record
 * ids of both businesses read from the list operations.
 */
export async function plutioPlan(api: ApiId, kit: SpecKit, apiUrl: string): Promise<FuzzPlan> {
  const acme = await plutioSession(apiUrl, 'acme');
  const globex = await plutioSession(apiUrl, 'globex');
  const auths = [
    variant('acme', acme.headers),
    variant('globex', globex.headers),
    variant('acme-token-globex-business', { ...acme.headers, business: 'globex' }),
    variant('no-business', { authorization: acme.headers.authorization as string }),
    variant('unknown-business', { ...acme.headers, business: 'initech' }),
    variant('unknown-token', { authorization: `Bearer ${'0'.repeat(40)}`, business: 'acme' }),
    variant('malformed-authorization', { authorization: 'Bearer', business: 'acme' }),
    variant('anonymous', { business: 'acme' }),
  ];
  const ids = new Set<string>();
  const idsByPath: Record<string, string[]> = {};
  const lists = kit.spec.operations.filter((op) => op.method === 'GET');
  for (const op of lists) {
    for (const session of [acme, globex]) {
      const res = await send({ method: 'GET', url: `${apiUrl}${op.path}?limit=3`, headers: session.headers });
      for (const id of recordIds(res.bodyText)) {
        ids.add(id);
        idsByPath[op.path] = [...(idsByPath[op.path] ?? []), id];
      }
    }
  }
  return { api, kit, ops: kit.spec.operations, auths, ids: [...ids], idsByPath, family: false };
}
