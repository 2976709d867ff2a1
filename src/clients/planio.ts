import type { paths } from '../generated/planio.js';
import {
  createRedmineFamilyClient,
  type RedmineFamilyClient,
  type RedmineFamilyClientOptions,
  type RedmineFamilyPaths,
} from './redmine-family.js';

/** The `paths` of Planio as {@link PlanioClient} types them (JSON only, `{format}` optional). */
export type PlanioPaths = RedmineFamilyPaths<paths>;

/** A typed openapi-fetch client of Planio customer companies and company contacts, plus the Redmine core subset. */
export type PlanioClient = RedmineFamilyClient<paths>;

/**
 * Creates a typed client of Planio customer companies and company contacts, plus the Redmine core subset.
 * Authenticates with `apiKey` (`X-Redmine-API-Key`) or `username` + `password` (HTTP Basic), optionally acting as
 * `switchUser`; calls need no `format` (always `.json`). JSON only: read or write XML with `fetch` and a `.xml` URL.
 * @example
 * const client = createPlanioClient({ baseUrl: 'http://127.0.0.1:4010/planio', apiKey });
 * const { data, error, response } = await client.GET('/companies/{company_id}.{format}', { params: { path: { company_id: 1 } } });
 */
export function createPlanioClient(options: RedmineFamilyClientOptions): PlanioClient {
  return createRedmineFamilyClient<paths>(options);
}
