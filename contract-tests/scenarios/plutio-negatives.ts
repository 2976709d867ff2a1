import type { DynBody, Scenario, ScenarioContext, Step, StepResult } from '../support/scenario.js';

/** The `message` (and OAuth `name`) of an error body compared with what the document says. */
export function errorIs(message: string | RegExp, name?: string) {
  return (res: StepResult): string[] => {
    const body = (res.value ?? {}) as { message?: unknown; name?: unknown };
    const out: string[] = [];
    const text = String(body.message);
    if (typeof message === 'string' ? text !== message : !message.test(text)) {
      out.push(`message is ${JSON.stringify(body.message)}, expected ${String(message)}`);
    }
    if (name !== undefined && body.name !== name) out.push(`name is ${JSON.stringify(body.name)}, expected ${name}`);
    return out;
  };
}

/** An id in Meteor's alphabet that names no record. */
export const UNKNOWN_ID = 'Zz23456789abcdefg';

const one = (name: string, step: Step, stateful?: string): Scenario => ({
  name: `negative ${name}`,
  kind: 'negative',
  stateful,
  steps: [step],
});

/** The token call refusing a JSON body (`invalid_request`), a wrong secret (`invalid_client`) and another grant. */
export function tokenFailures(sc: ScenarioContext): Scenario[] {
  if (!sc.spec.byId.has('generateAccessToken')) return [];
  const { clientId, clientSecret } = sc.credentials ?? {};
  const token = (title: string, body: Record<string, string | undefined>, json: boolean, name: string): Step => ({
    operationId: 'generateAccessToken',
    title,
    anonymous: true,
    noTenant: true,
    mediaType: json ? 'application/json' : 'application/x-www-form-urlencoded',
    body,
    expect: { status: 400, check: errorIs(/./, name) },
  });
  const why = 'the token endpoint checks the body and the credentials, while Prism validates shapes only';
  const grant = { client_id: clientId, client_secret: clientSecret };
  const scenario = (name: string, step: Step): Scenario => ({
    ...one(name, step, why),
    notApplicable:
      clientId && clientSecret ? undefined : 'no client credentials (give --client-id and --client-secret)',
  });
  return [
    scenario(
      'POST /oauth/token with a JSON body',
      token(
        'a JSON body → 400 invalid_request',
        { grant_type: 'client_credentials', ...grant },
        true,
        'invalid_request',
      ),
    ),
    scenario(
      'POST /oauth/token with a wrong secret',
      token(
        'a wrong secret → 400 invalid_client',
        { ...grant, grant_type: 'client_credentials', client_secret: `x${clientSecret}` },
        false,
        'invalid_client',
      ),
    ),
    scenario(
      'POST /oauth/token with another grant type',
      token(
        'grant_type password → 400 unsupported_grant_type',
        { grant_type: 'password', ...grant },
        false,
        'unsupported_grant_type',
      ),
    ),
  ];
}

/** The `Business` header: missing, or naming a workspace the application is not enabled for → 400 with the text. */
export function businessHeader(): Scenario[] {
  const why = 'which workspaces an application may use is server state';
  return [
    one(
      'GET /people without a Business header',
      {
        operationId: 'listPeople',
        title: 'no Business header → 400',
        noTenant: true,
        expect: { status: 400, check: errorIs('Business undefined is not enabled for this client.') },
      },
      why,
    ),
    one(
      'GET /people for a workspace the application is not enabled for',
      {
        operationId: 'listPeople',
        title: 'Business nosuchworkspace → 400',
        headers: { Business: 'nosuchworkspace' },
        expect: { status: 400, check: errorIs('Business nosuchworkspace is not enabled for this client.') },
      },
      why,
    ),
  ];
}

/** Unknown paths, `/<collection>/<id>` forms and plural names answer 403 `Method not allowed`. */
export function unknownRoutes(): Scenario[] {
  const route = (label: string, operationId: string, rewrite: (p: string) => string, body?: DynBody): Scenario =>
    one(
      `${label} (no such route)`,
      {
        operationId,
        label,
        title: `${label} → 403 Method not allowed`,
        rewritePath: rewrite,
        body,
        expect: { status: 403, check: errorIs('Method not allowed') },
      },
      'routes that do not exist are answered by the server, while Prism answers 404',
    );
  return [
    route('GET /wikis', 'listWikis', (p) => p.replace('/wiki', '/wikis')),
    route('GET /people/{id}', 'listPeople', (p) => p.replace('/people', `/people/${UNKNOWN_ID}`)),
    route('PUT /people/{id}', 'updatePerson', (p) => p.replace('/people', `/people/${UNKNOWN_ID}`), { title: 'x' }),
    route('DELETE /tasks/{id}', 'deleteTask', (p) => p.replace('/tasks', `/tasks/${UNKNOWN_ID}`), {}),
  ];
}

/** No token, or an unknown one → 401. */
export function tokenRequired(): Scenario[] {
  return [
    one('GET /people without a token', {
      operationId: 'listPeople',
      title: 'no Authorization → 401',
      anonymous: true,
      expect: { status: 401 },
    }),
    one(
      'GET /people with an unknown token',
      {
        operationId: 'listPeople',
        title: 'unknown bearer token → 401',
        anonymous: true,
        headers: { Authorization: 'Bearer 0000000000000000000000000000000000000000' },
        expect: { status: 401 },
      },
      'whether a token is known is server state, while Prism accepts any well-formed token',
    ),
  ];
}

/** Writes without `_id`, with an unknown `_id` or with a body that is not JSON; a read of an unknown `_id`. */
export function idRules(): Scenario[] {
  const why = 'the server checks `_id` and the body, while Prism validates shapes only';
  return [
    one(
      'PUT /people without _id',
      { operationId: 'updatePerson', title: 'no _id in the body → 400', body: { title: 'x' }, expect: { status: 400 } },
      why,
    ),
    one(
      'DELETE /people without _id',
      { operationId: 'deletePerson', title: 'no _id in the body → 400', body: {}, expect: { status: 400 } },
      why,
    ),
    one(
      'PUT /people with an unknown _id',
      {
        operationId: 'updatePerson',
        title: 'unknown _id → 404',
        body: { _id: UNKNOWN_ID, title: 'x' },
        expect: { status: 404 },
      },
      'whether an id exists is state, while Prism answers every id with the example',
    ),
    one(
      'GET /people with an unknown _id',
      { operationId: 'listPeople', title: 'unknown _id → 404', params: { _id: UNKNOWN_ID }, expect: { status: 404 } },
      'whether an id exists is state, while Prism answers every id with the example',
    ),
    one(
      'PUT /people with a body that is not JSON',
      { operationId: 'updatePerson', title: 'not JSON → 400', body: '{"_id": ', expect: { status: 400 } },
      why,
    ),
  ];
}
