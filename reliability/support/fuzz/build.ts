import type { RawRequest } from '../http.js';
import type { FuzzCase } from './case-arbitrary.js';
import { CONTENT_TYPES, type Encoding, encodeBody } from './encode.js';

/** A fuzz case made concrete. */
export interface BuiltFuzzRequest {
  req: RawRequest;
  /** True when the request takes the operation's own route, so its answer must match the operation's spec. */
  checkable: boolean;
  /** The URL suffix when it is one of the documented formats. */
  format: 'json' | 'xml' | undefined;
  /** A one-line description for findings. */
  summary: string;
  /** Body size in bytes (findings keep the smallest example of each kind). */
  size: number;
}

/** Percent-encodes, replacing lone surrogates (encodeURIComponent refuses them). */
export function encodePart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'));
  }
}

/** Puts a case on the wire relative to the API's root URL. */
export function buildFuzzRequest(c: FuzzCase, apiUrl: string): BuiltFuzzRequest {
  const { op } = c;
  let path = op.path;
  for (const [name, value] of Object.entries(c.pathValues)) path = path.replace(`{${name}}`, encodePart(value));
  if (c.format !== undefined) path = path.replace('{format}', encodePart(c.format));
  if (c.mode === 'raw') path = c.rawPath.startsWith('/') ? c.rawPath : `/${c.rawPath}`;
  const method = c.mode === 'method' ? c.method : op.method;
  const pairs = [...c.auth.query, ...c.query].filter((p): p is [string, string] => p[1] !== undefined);
  const qs = pairs.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&');
  const format = c.format === 'json' || c.format === 'xml' ? c.format : undefined;
  const headers: Record<string, string> = {
    accept: format === 'xml' ? 'application/xml' : 'application/json',
    ...c.auth.headers,
  };
  for (const [name, value] of c.headers) if (value !== undefined) headers[name.toLowerCase()] = value;
  let body: Buffer | undefined;
  let shownBody = '';
  if (c.body) {
    const encoding = resolveEncoding(c, format);
    body = encodeBody(op, encoding, c.body.value);
    const type = c.contentType === 'match' ? CONTENT_TYPES[encoding] : c.contentType;
    if (type !== 'none') headers['content-type'] = type;
    shownBody = ` ${headers['content-type'] ?? '(no content-type)'} body=${JSON.stringify(body.toString('utf8').slice(0, 300))}`;
  }
  const url = `${apiUrl}${path}${qs ? `?${qs}` : ''}`;
  const checkable = c.mode === 'template' && (c.format === undefined || format !== undefined);
  const extra = c.headers.filter(([, v]) => v !== undefined).map(([n, v]) => `${n}: ${String(v).slice(0, 60)}`);
  const summary = `${method} ${url.replace(/^http:\/\/[^/]+/, '')} [auth ${c.auth.name}]${
    extra.length > 0 ? ` [${extra.join('; ')}]` : ''
  }${shownBody}`;
  return {
    req: { method, url, headers, body, timeoutMs: 10_000 },
    checkable,
    format,
    summary,
    size: url.length + (body?.length ?? 0),
  };
}

function resolveEncoding(c: FuzzCase, format: 'json' | 'xml' | undefined): Encoding {
  const encoding = c.body?.encoding ?? 'auto';
  if (encoding !== 'auto') return encoding;
  if (format === 'xml') return 'xml';
  const types = Object.keys(c.op.operation.requestBody?.content ?? {});
  if (types.length > 0 && types.every((t) => t === 'application/x-www-form-urlencoded')) return 'form';
  return 'json';
}
