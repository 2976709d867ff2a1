import { DEFAULT_ADMIN_API_KEY, JSMITH_API_KEY } from './credentials.js';

/** Who a test request is sent as: a seeded user (by API key header), anonymous, or explicit headers only. */
export type Caller = 'admin' | 'jsmith' | 'anonymous';

/** Options of one request. */
export interface CallOptions {
  as?: Caller;
  /** A value to send as JSON (with Content-Type), or a raw string body. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A response with the body read as text. */
export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON. */
  json<T = Record<string, unknown>>(): T;
}

const KEYS: Record<Caller, string | undefined> = {
  admin: DEFAULT_ADMIN_API_KEY,
  jsmith: JSMITH_API_KEY,
  anonymous: undefined,
};

/**
 * A small HTTP client for tests of Redmine-family APIs: `call('GET', '/projects.json', { as: 'jsmith' })`. Object
 * bodies are sent as JSON with `Content-Type: application/json`; string bodies are sent as given.
 */
export function familyClient(apiUrl: string) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = {};
    const key = KEYS[options.as ?? 'admin'];
    if (key) headers['x-redmine-api-key'] = key;
    let body: string | undefined;
    if (typeof options.body === 'string') body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(apiUrl + path, { method, headers: { ...headers, ...options.headers }, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: <T>() => JSON.parse(text) as T };
  };
}

/** Basic authorization header value. */
export function basic(login: string, password: string): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}
