import type { IncomingHttpHeaders } from 'node:http';

/**
 * The scheme, host and port that URLs in answers (`Location`) start with, taken from the request the way Rails 6.1
 * and Rack 2 take them (recorded from a live server, see docs/sources.md; the rules are restated in
 * docs/guides/differences.md):
 *
 * - the host is the last entry of `X-Forwarded-Host` (split at `,` and one optional space) when that header has
 *   one, else the `Host` header as sent (even empty: `http:///projects/3`), else `localhost` (HTTP/1.0 without
 *   `Host`);
 * - the scheme is `https` with `X-Forwarded-Ssl: on`, or when `X-Forwarded-Scheme`, or else the first entry of
 *   `X-Forwarded-Proto`, is exactly `https` (or `wss`); else `http`. `Forwarded` and `X-Forwarded-Port` are ignored;
 * - the port is the digits after the last `:` when the host ends in `:<digits>` (leading zeros dropped), left out
 *   when it is the scheme's standard one; the host name is what precedes that, cut at its first `:` unless
 *   bracketed (`x:abc` → `x`, `a:1:2` → `a:2`).
 *
 * Nothing is refused: an odd `Host` comes back in the URL as the real server would send it.
 */
export function requestOrigin(headers: IncomingHttpHeaders): string {
  const forwardedHost = headers['x-forwarded-host'];
  const ssl = headers['x-forwarded-ssl'];
  const scheme = headers['x-forwarded-scheme'];
  const proto = headers['x-forwarded-proto'];
  const host = headers.host;
  if (forwardedHost === undefined && ssl === undefined && scheme === undefined && proto === undefined) {
    if (host === lastHost) return lastOrigin;
    lastOrigin = build(host ?? 'localhost', false);
    lastHost = host;
    return lastOrigin;
  }
  const raw = lastForwardedHost(forwardedHost) ?? host ?? 'localhost';
  return build(raw, isSecure(ssl, scheme, proto));
}

// One-entry memo of the plain case: clients keep sending the same Host.
let lastHost: string | undefined = '';
let lastOrigin = 'http://';

const PORT_SUFFIX = /:(\d+)$/;
/** Rails' `ActionDispatch::Http::URL::HOST_REGEXP`. */
const HOST_REGEXP = /(^[^:]+:\/\/)?(\[[^\]]+\]|[^:]+)(?::(\d+$))?/;

function build(raw: string, secure: boolean): string {
  const m = PORT_SUFFIX.exec(raw);
  let name = raw;
  let port = '';
  if (m) {
    name = raw.slice(0, m.index);
    const digits = (m[1] as string).replace(/^0+(?=\d)/, '');
    if (digits !== (secure ? '443' : '80')) port = `:${digits}`;
  }
  const match = HOST_REGEXP.exec(name);
  if (match) name = match[2] as string;
  return `${secure ? 'https' : 'http'}://${name}${port}`;
}

/** Ruby's `value.presence && value.split(/,\s?/).last` (trailing empty entries dropped); undefined for none. */
function lastForwardedHost(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parts = value.split(/,\s?/);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.at(-1);
}

function isSecure(ssl: unknown, scheme: unknown, proto: unknown): boolean {
  if (ssl === 'on') return true;
  const forwarded = allowed(scheme) ?? (typeof proto === 'string' ? allowed(proto.split(',')[0]) : undefined);
  return forwarded === 'https' || forwarded === 'wss';
}

function allowed(value: unknown): string | undefined {
  return value === 'https' || value === 'http' || value === 'wss' || value === 'ws' ? value : undefined;
}
