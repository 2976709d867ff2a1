import { PLUTIO_APPS } from './credentials.js';
import { send } from './http.js';

/** A Plutio app's session: its bearer token and business. */
export interface PlutioSession {
  token: string;
  business: string;
  /** `Authorization` and `Business` headers for a resource call. */
  headers: Record<string, string>;
}

/**
 * Gets an access token at `POST <apiUrl>/oauth/token` (form-encoded client credentials) for one of the seeded apps.
 * Throws with the answer when the server does not issue one.
 */
export async function plutioSession(apiUrl: string, app: keyof typeof PLUTIO_APPS): Promise<PlutioSession> {
  const { clientId, clientSecret, business } = PLUTIO_APPS[app];
  const body = new URLSearchParams({
    client_id: clientId,
    client_secret: clientSecret,
    grant_type: 'client_credentials',
  }).toString();
  const res = await send({
    method: 'POST',
    url: `${apiUrl}/oauth/token`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  let token: unknown;
  try {
    token = (JSON.parse(res.bodyText) as { accessToken?: unknown }).accessToken;
  } catch {
    token = undefined;
  }
  if (res.status !== 200 || typeof token !== 'string') {
    throw new Error(`POST ${apiUrl}/oauth/token gave ${res.status} ${res.bodyText.slice(0, 200)}, not a token`);
  }
  return { token, business, headers: { authorization: `Bearer ${token}`, business } };
}

/** `_id`s of the records a list call returns (empty when the answer is not a list of records). */
export function recordIds(bodyText: string): string[] {
  try {
    const value = JSON.parse(bodyText) as unknown;
    const list = Array.isArray(value) ? value : [value];
    return list.map((r) => (r as { _id?: unknown } | null)?._id).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}
