import type { ServerOptions } from '../../app/options.js';
import { startTestServer, type TestServer } from '../../app/test-server.js';
import type { PlutioDomain } from './domain/index.js';
import type { PlutioOptions } from './settings.js';

/** A JSON value's record, for reading response bodies in tests. */
export type Json = Record<string, unknown>;

/** One answer of the Plutio test server. */
export interface PlutioAnswer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in tests.
  body: any;
}

/** How a test call is sent: `token: null` / `business: null` leave the header out; `raw` is sent as is. */
export interface PlutioCallOptions {
  body?: unknown;
  raw?: string;
  contentType?: string;
  token?: string | null;
  business?: string | null;
  headers?: Record<string, string>;
}

/** A plutio-only reference server (response validation on) with a token of one application. */
export interface PlutioTestServer {
  ts: TestServer;
  /** The API root, e.g. `http://127.0.0.1:38211/plutio/v1.8`. */
  base: string;
  /** The token of the application the server was started for. */
  token: string;
  /** Sends a request; JSON bodies go with `Content-Type: application/json`. */
  call(method: string, path: string, options?: PlutioCallOptions): Promise<PlutioAnswer>;
  /** Requests a token for other credentials. */
  tokenFor(clientId: string, clientSecret: string): Promise<string>;
  domain(): PlutioDomain;
  close(): Promise<void>;
}

/** The form body of a token request. */
export function tokenForm(clientId: string, clientSecret: string, grantType = 'client_credentials'): string {
  return new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: grantType }).toString();
}

/** The application a test server's default token belongs to. */
export interface TestApp {
  clientId: string;
  clientSecret: string;
  business: string;
}

const DEFAULT_TEST_APP: TestApp = { clientId: 'crmkit-client', clientSecret: 'crmkit-secret', business: 'acme' };

/**
 * Starts a reference server serving only `plutio` on 127.0.0.1, port 0, and fetches a token of `app` (by default
 * `crmkit-client`, whose business `acme` every call names unless told otherwise). Plutio's own options
 * (`plutioRateLimit`, …) are given beside the server's.
 */
export async function startPlutio(
  options: ServerOptions & PlutioOptions = {},
  app = DEFAULT_TEST_APP,
): Promise<PlutioTestServer> {
  const { plutioPeople, plutioRateLimit, plutioClientId, plutioClientSecret, plutioBusiness, plutioTokenTtl, ...rest } =
    options;
  const plutio = { plutioPeople, plutioRateLimit, plutioClientId, plutioClientSecret, plutioBusiness, plutioTokenTtl };
  const ts = await startTestServer({ ...rest, apis: ['plutio'], apiOptions: { plutio } });
  const base = ts.api('plutio');
  const call = async (method: string, path: string, o: PlutioCallOptions = {}): Promise<PlutioAnswer> => {
    const headers: Record<string, string> = { ...o.headers };
    const token = o.token === undefined ? server.token : o.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (o.business !== null) headers.business = o.business ?? app.business;
    const payload = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
    if (payload !== undefined) headers['content-type'] = o.contentType ?? 'application/json';
    const res = await fetch(base + path, { method, headers, body: payload });
    const text = await res.text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, headers: res.headers, text, body };
  };
  const tokenFor = async (clientId: string, clientSecret: string): Promise<string> => {
    const res = await call('POST', '/oauth/token', {
      raw: tokenForm(clientId, clientSecret),
      contentType: 'application/x-www-form-urlencoded',
      token: null,
      business: null,
    });
    if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${res.text}`);
    return res.body.accessToken as string;
  };
  const server: PlutioTestServer = {
    ts,
    base,
    token: '',
    call,
    tokenFor,
    domain: () => ts.server.modules[0]?.state as PlutioDomain,
    close: () => ts.close(),
  };
  try {
    server.token = await tokenFor(app.clientId, app.clientSecret);
  } catch (err) {
    await ts.close();
    throw err;
  }
  return server;
}
