// biome-ignore-all lint/suspicious/noExplicitAny: OpenAPI security objects are walked generically.
import type { OperationEntry } from '../../src/spec/load.js';
import type { Credentials } from './credentials.js';
import { type ApiSpec, securityOf } from './spec-model.js';
import type { ContractRequest } from './types.js';

/** Credentials plus an OAuth2 access token once one was obtained. */
export interface AuthMaterial extends Credentials {
  token?: string;
}

/** Whether a header or parameter name is Plutio's tenant header (`Business`, any case). */
export const isBusiness = (name: string) => name.toLowerCase() === 'business';

/** Header values a scheme needs, or undefined when the material cannot satisfy it. */
function schemeHeaders(scheme: any, m: AuthMaterial): { headers: Record<string, string>; query?: string } | undefined {
  if (scheme?.type === 'apiKey') {
    const value = isBusiness(scheme.name) ? m.business : m.key;
    if (!value) return undefined;
    if (scheme.in === 'header') return { headers: { [scheme.name]: value } };
    if (scheme.in === 'query')
      return { headers: {}, query: `${encodeURIComponent(scheme.name)}=${encodeURIComponent(value)}` };
    return undefined;
  }
  if (scheme?.type === 'http' && String(scheme.scheme).toLowerCase() === 'basic') {
    if (!m.user || m.password === undefined) return undefined;
    return { headers: { Authorization: `Basic ${Buffer.from(`${m.user}:${m.password}`).toString('base64')}` } };
  }
  if ((scheme?.type === 'http' && String(scheme.scheme).toLowerCase() === 'bearer') || scheme?.type === 'oauth2') {
    return m.token ? { headers: { Authorization: `Bearer ${m.token}` } } : undefined;
  }
  return undefined;
}

/** Whether an operation documents a `Business` header parameter (Plutio's tenant header). */
function businessParam(op: OperationEntry): string | undefined {
  return op.parameters.find((p) => p.in === 'header' && isBusiness(String(p.name)))?.name;
}

/** Whose tenant (`Business`) header a request carries: the run's, the one the step gave, or none. */
export type TenantChoice = 'run' | 'given' | 'none';

/**
 * Adds credentials to a request as the operation's security requirements allow, trying the alternatives in the
 * document's order and taking the first one the material satisfies (an empty requirement means anonymous is
 * allowed). With `anonymous` no credentials are added, only the tenant header. The tenant header is the run's
 * (`run`, replacing the document's example), the one the step set (`given`) or left out (`none`). Returns the scheme
 * names used.
 */
export function applyAuth(
  spec: ApiSpec,
  op: OperationEntry,
  req: ContractRequest,
  material: AuthMaterial,
  anonymous = false,
  tenant: TenantChoice = 'run',
): string[] {
  const business = businessParam(op);
  if (tenant === 'none') {
    for (const h of Object.keys(req.headers)) if (isBusiness(h)) delete req.headers[h];
  } else if (tenant === 'run' && business && material.business) {
    for (const h of Object.keys(req.headers)) if (isBusiness(h)) delete req.headers[h];
    req.headers[business] = material.business;
  }
  if (anonymous) return [];
  const schemes = spec.doc.components?.securitySchemes ?? {};
  for (const requirement of securityOf(spec, op)) {
    const names = Object.keys(requirement);
    if (names.length === 0) return [];
    const parts = names.map((n) => schemeHeaders(schemes[n], material));
    if (parts.some((p) => p === undefined)) continue;
    for (const part of parts) {
      Object.assign(req.headers, part!.headers);
      if (part!.query) req.path += (req.path.includes('?') ? '&' : '?') + part!.query;
    }
    return names;
  }
  return [];
}

/** Whether an operation's security needs an OAuth2 / bearer token. */
export function needsToken(spec: ApiSpec): boolean {
  const schemes = Object.values<any>(spec.doc.components?.securitySchemes ?? {});
  return schemes.some((s) => s.type === 'oauth2' || (s.type === 'http' && String(s.scheme).toLowerCase() === 'bearer'));
}

/** The operation that issues tokens: a form body with `grant_type`, or a path ending in `oauth/token`. */
export function findTokenOperation(spec: ApiSpec): OperationEntry | undefined {
  return spec.operations.find((op) => {
    if (op.method !== 'POST') return false;
    const content = op.operation.requestBody?.content ?? {};
    const form = content['application/x-www-form-urlencoded']?.schema;
    return Boolean(form?.properties?.grant_type) || /oauth\/token$/.test(op.path);
  });
}

/** Reads an access token from a token response body (`accessToken`, or the OAuth2 standard `access_token`). */
export function tokenFrom(body: unknown): string | undefined {
  const b = body as Record<string, unknown> | undefined;
  const token = b?.accessToken ?? b?.access_token;
  return typeof token === 'string' ? token : undefined;
}
