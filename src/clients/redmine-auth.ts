import type { Middleware } from 'openapi-fetch';

/**
 * Credentials of a Redmine-family client: an API key (sent as `X-Redmine-API-Key`), a login and password (HTTP
 * Basic), or nothing (anonymous; only public projects are readable).
 */
export type RedmineCredentials =
  | { apiKey: string; username?: undefined; password?: undefined }
  | { username: string; password: string; apiKey?: undefined }
  | { apiKey?: undefined; username?: undefined; password?: undefined };

/** {@link RedmineCredentials} plus the login an administrator acts as (`X-Redmine-Switch-User`). */
export type RedmineAuth = RedmineCredentials & {
  /** Login to impersonate; honoured only for an administrator, an unknown login gives 412. */
  switchUser?: string;
};

/** `Basic base64(login:password)`, UTF-8 encoded as Redmine reads it. */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** The request headers that carry {@link RedmineAuth}. */
export function redmineAuthHeaders(auth: RedmineAuth): Record<string, string> {
  const headers: Record<string, string> = {};
  if (auth.apiKey !== undefined) headers['X-Redmine-API-Key'] = auth.apiKey;
  else if (auth.username !== undefined) headers.Authorization = basicAuthorization(auth.username, auth.password);
  if (auth.switchUser !== undefined) headers['X-Redmine-Switch-User'] = auth.switchUser;
  return headers;
}

/**
 * An openapi-fetch middleware that authenticates every request the Redmine way. A header the call already carries
 * wins (so `params: { header: { 'X-Redmine-Switch-User': 'jsmith' } }` acts as another user for one call).
 */
export function redmineAuthMiddleware(auth: RedmineAuth): Middleware {
  const headers = Object.entries(redmineAuthHeaders(auth));
  return {
    onRequest({ request }) {
      for (const [name, value] of headers) if (!request.headers.has(name)) request.headers.set(name, value);
      return request;
    },
  };
}
