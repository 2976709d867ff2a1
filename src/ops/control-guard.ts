import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { renderJsonError } from '../server/default-errors.js';
import { ApiError } from '../server/errors.js';
import type { RawResponse } from '../server/types.js';

/** What the control endpoints accept besides loopback (`ServerOptions.allowedHosts`, `controlToken`). */
export interface ControlGuardOptions {
  /** Host names (any port) accepted in `Host` and `Origin`; `.example.test` also accepts its subdomains. */
  allowedHosts: readonly string[];
  /** When set, every control request must carry it (`Authorization: Bearer` or `X-Crmkit-Control-Token`). */
  controlToken: string | undefined;
  log: (line: string) => void;
}

/** Checks a control request before it is served; returns the refusal, or undefined to serve it. */
export type ControlGuard = (req: IncomingMessage, method: string, path: string) => RawResponse | undefined;

/**
 * The checks every `/__crmkit/` request passes, so that neither a web page nor a DNS-rebinding attack can use them
 * (the control endpoints load and export state, passwords and API keys included):
 *
 * 1. `Host` names this server: a loopback name (`localhost`, `*.localhost`, 127.0.0.0/8, `[::1]`) or the address
 *    the connection arrived on, with the port the connection arrived on; or an allowed host (any port). Else 403.
 *    A rebinding page's requests carry its own host name, never one of these.
 * 2. A browser request made by another site is refused with 403: an `Origin` whose host fails the same test
 *    (`null` included), or `Sec-Fetch-Site: cross-site` / `same-site` (which browsers send on requests without
 *    `Origin`, such as an `<img>`).
 * 3. With a control token, the request carries it, else 401. Without one, only connections from this machine are
 *    served (a library user listening on every interface gets no open control plane).
 * 4. A POST, PUT, PATCH or DELETE with a body must be `Content-Type: application/json` (415), so that the simple
 *    cross-site form and `text/plain` posts a browser sends without asking are refused even without `Origin`.
 *
 * Every refusal is logged with its reason.
 */
export function createControlGuard(options: ControlGuardOptions): ControlGuard {
  const allowed = options.allowedHosts.map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
  const token = options.controlToken === undefined ? undefined : digest(options.controlToken);
  return (req, method, path) => {
    const err = refusal(req, method, allowed, token);
    if (!err) return undefined;
    const from = req.socket.remoteAddress ?? 'an unknown address';
    options.log(`crmkit: refused control request ${method} ${path} from ${from}: ${err.message}`);
    return renderJsonError(err);
  };
}

/** Why a control request is refused (see {@link createControlGuard}), or undefined. */
function refusal(
  req: IncomingMessage,
  method: string,
  allowed: readonly string[],
  token: Buffer | undefined,
): ApiError | undefined {
  const { headers, socket } = req;
  const { host, origin } = headers;
  if (host === undefined || !hostAllowed(host, 80, socket.localPort, socket.localAddress, allowed)) {
    const hint = 'use localhost or 127.0.0.1, or start the server with --allowed-host';
    return new ApiError('FORBIDDEN', `Host ${JSON.stringify(host ?? '')} is not this server (${hint})`);
  }
  if (origin !== undefined && !originAllowed(origin, socket.localPort, socket.localAddress, allowed)) {
    const why = 'control requests from other web pages are refused';
    return new ApiError('FORBIDDEN', `Origin ${JSON.stringify(origin)} is not this server: ${why}`);
  }
  const site = headers['sec-fetch-site'];
  if (origin === undefined && (site === 'cross-site' || site === 'same-site')) {
    return new ApiError('FORBIDDEN', `a ${site} browser request is refused`);
  }
  if (token !== undefined) {
    const given = presentedToken(headers.authorization, headers['x-crmkit-control-token']);
    if (given === undefined || !timingSafeEqual(digest(given), token)) {
      const message =
        given === undefined
          ? 'the control token is missing (Authorization: Bearer <token> or X-Crmkit-Control-Token: <token>)'
          : 'the control token is wrong';
      return new ApiError('UNAUTHORIZED', message, {
        headers: { 'www-authenticate': 'Bearer realm="crmkit control"' },
      });
    }
  } else if (!isLoopbackAddress(socket.remoteAddress ?? '')) {
    return new ApiError('FORBIDDEN', 'control requests from another machine need --control-token');
  }
  if (method !== 'GET' && method !== 'HEAD' && hasBody(headers) && !isJson(headers['content-type'])) {
    const got = JSON.stringify(headers['content-type'] ?? '');
    return new ApiError(
      'UNSUPPORTED_MEDIA_TYPE',
      `control requests with a body must be Content-Type: application/json (got ${got})`,
    );
  }
  return undefined;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function presentedToken(authorization: string | undefined, header: string | string[] | undefined): string | undefined {
  if (typeof header === 'string') return header.trim();
  if (authorization === undefined) return undefined;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization);
  return m?.[1];
}

function hasBody(headers: IncomingMessage['headers']): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) !== 0);
}

function isJson(type: string | undefined): boolean {
  if (type === undefined) return false;
  const semi = type.indexOf(';');
  return (semi < 0 ? type : type.slice(0, semi)).trim().toLowerCase() === 'application/json';
}

/**
 * Whether `hostPort` (a `Host` value, or the host of an `Origin`) names this server: an allowed host at any port,
 * or a loopback name or the connection's own address at the connection's port (`defaultPort` when none is given).
 */
export function hostAllowed(
  hostPort: string,
  defaultPort: number,
  localPort: number | undefined,
  localAddress: string | undefined,
  allowed: readonly string[],
): boolean {
  const parsed = splitHostPort(hostPort.trim().toLowerCase());
  if (!parsed) return false;
  const name = parsed.name.endsWith('.') ? parsed.name.slice(0, -1) : parsed.name;
  if (allowed.some((a) => (a.startsWith('.') ? name === a.slice(1) || name.endsWith(a) : name === a))) return true;
  if ((parsed.port ?? defaultPort) !== localPort) return false;
  return isLoopbackName(name) || (localAddress !== undefined && name !== '' && name === unmapped(localAddress));
}

function originAllowed(
  origin: string,
  localPort: number | undefined,
  localAddress: string | undefined,
  allowed: readonly string[],
): boolean {
  const m = /^(https?):\/\/([^/?#@\s]+)$/i.exec(origin.trim());
  if (!m) return false;
  const defaultPort = (m[1] as string).toLowerCase() === 'https' ? 443 : 80;
  return hostAllowed(m[2] as string, defaultPort, localPort, localAddress, allowed);
}

/** `name[:port]` or `[v6][:port]`; undefined when malformed (a bad port, stray brackets or colons). */
function splitHostPort(value: string): { name: string; port: number | undefined } | undefined {
  let name: string;
  let rest: string;
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return undefined;
    name = value.slice(1, close);
    if (isIP(name) !== 6) return undefined;
    rest = value.slice(close + 1);
  } else {
    const colon = value.indexOf(':');
    name = colon < 0 ? value : value.slice(0, colon);
    rest = colon < 0 ? '' : value.slice(colon);
  }
  if (rest === '') return { name, port: undefined };
  if (!/^:\d{1,5}$/.test(rest)) return undefined;
  return { name, port: Number(rest.slice(1)) };
}

/** `localhost`, `*.localhost`, 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function isLoopbackName(name: string): boolean {
  const h = unmapped(name.toLowerCase());
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Whether a socket address is loopback (`127.0.0.0/8`, `::1`, `::ffff:127.x.x.x`). */
export function isLoopbackAddress(address: string): boolean {
  const h = unmapped(address);
  return h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
