import type { ContractRequest, ContractResponse } from './types.js';

/** Joins a base URL (which may carry a path, e.g. `http://127.0.0.1:4010/planio`) and a request path. */
export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
}

/**
 * Sends one request and reads the whole response. Redirects are not followed (a 3xx is checked like any other
 * status); header names come back lower-cased. Network errors reject with the URL in the message.
 */
export async function sendRequest(
  baseUrl: string,
  req: ContractRequest,
  timeoutMs = 15_000,
): Promise<ContractResponse> {
  const url = joinUrl(baseUrl, req.path);
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const cause = (err as { cause?: Error }).cause;
    throw new Error(`${req.method} ${url} failed: ${cause?.message ?? (err as Error).message}`);
  }
  const bodyText = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name.toLowerCase()] = value;
  });
  return { status: response.status, headers, bodyText, ms: Math.round((performance.now() - started) * 10) / 10 };
}
