import type { paths } from '../generated/redmineup.js';
import {
  createRedmineFamilyClient,
  type RedmineFamilyClient,
  type RedmineFamilyClientOptions,
  type RedmineFamilyPaths,
} from './redmine-family.js';

/** The `paths` of RedmineUp as {@link RedmineUpClient} types them (JSON only, `{format}` optional). */
export type RedmineUpPaths = RedmineFamilyPaths<paths>;

/** A typed openapi-fetch client of RedmineUP CRM contacts, deals and notes, plus the Redmine core subset. */
export type RedmineUpClient = RedmineFamilyClient<paths>;

/**
 * Creates a typed client of RedmineUP CRM contacts, deals and notes, plus the Redmine core subset.
 * Authenticates with `apiKey` (`X-Redmine-API-Key`) or `username` + `password` (HTTP Basic), optionally acting as
 * `switchUser`; calls need no `format` (always `.json`). JSON only: read or write XML with `fetch` and a `.xml` URL.
 * @example
 * const client = createRedmineUpClient({ baseUrl: 'http://127.0.0.1:4010/redmineup', apiKey });
 * const { data, error, response } = await client.GET('/contacts/{contact_id}.{format}', { params: { path: { contact_id: 1 } } });
 */
export function createRedmineUpClient(options: RedmineFamilyClientOptions): RedmineUpClient {
  return createRedmineFamilyClient<paths>(options);
}
