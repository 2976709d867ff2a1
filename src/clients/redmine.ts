import type { paths } from '../generated/redmine.js';
import {
  createRedmineFamilyClient,
  type RedmineFamilyClient,
  type RedmineFamilyClientOptions,
  type RedmineFamilyPaths,
} from './redmine-family.js';

/** The `paths` of Redmine as {@link RedmineClient} types them (JSON only, `{format}` optional). */
export type RedminePaths = RedmineFamilyPaths<paths>;

/** A typed openapi-fetch client of the Redmine core subset (projects, current user, issue priorities, custom fields). */
export type RedmineClient = RedmineFamilyClient<paths>;

/**
 * Creates a typed client of the Redmine core subset (projects, current user, issue priorities, custom fields).
 * Authenticates with `apiKey` (`X-Redmine-API-Key`) or `username` + `password` (HTTP Basic), optionally acting as
 * `switchUser`; calls need no `format` (always `.json`). JSON only: read or write XML with `fetch` and a `.xml` URL.
 * @example
 * const client = createRedmineClient({ baseUrl: 'http://127.0.0.1:4010/redmine', apiKey });
 * const { data, error, response } = await client.GET('/projects/{project_id}.{format}', { params: { path: { project_id: 'alpha' } } });
 */
export function createRedmineClient(options: RedmineFamilyClientOptions): RedmineClient {
  return createRedmineFamilyClient<paths>(options);
}
