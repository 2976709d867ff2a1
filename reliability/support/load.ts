import { ADMIN_KEY } from './credentials.js';
import { type RawRequest, send } from './http.js';
import type { PlutioSession } from './plutio.js';

/** Counts of a load run. */
export interface LoadCounts {
  requests: number;
  byStatus: Record<number, number>;
  errors: number;
}

const admin = { 'x-redmine-api-key': ADMIN_KEY, 'content-type': 'application/json', accept: 'application/json' };

/**
 * The mix of a sustained load: reads, creates followed by deletes (so the data does not grow), updates, refused
 * requests (malformed JSON, unknown ids, a wrong key, hostile q) on Planio and Plutio. `i` picks the request.
 */
export function loadRequest(url: string, plutio: PlutioSession, i: number): RawRequest[] {
  const p = `${url}/plutio/v1.8`;
  const pj = { ...plutio.headers, 'content-type': 'application/json' };
  switch (i % 8) {
    case 0:
      return [{ method: 'GET', url: `${url}/planio/companies.json?limit=25&offset=${i % 30}`, headers: admin }];
    case 1:
      return [{ method: 'GET', url: `${url}/planio/companies/${(i % 30) + 1}.json`, headers: admin }];
    case 2:
      return [
        {
          method: 'POST',
          url: `${url}/planio/companies.json`,
          headers: admin,
          body: JSON.stringify({ company: { name: `Load ${i}` } }),
        },
      ];
    case 3:
      return [
        {
          method: 'PUT',
          url: `${url}/planio/companies/${(i % 30) + 1}.json`,
          headers: admin,
          body: JSON.stringify({ company: { town: `Town ${i}` } }),
        },
      ];
    case 4:
      return [
        { method: 'POST', url: `${url}/planio/companies.json`, headers: admin, body: '{"company": {"name": ' },
        { method: 'GET', url: `${url}/planio/companies/999999.json`, headers: admin },
        { method: 'GET', url: `${url}/planio/companies.json`, headers: { 'x-redmine-api-key': 'f'.repeat(40) } },
      ];
    case 5:
      return [{ method: 'GET', url: `${p}/people?limit=20&skip=${i % 20}`, headers: plutio.headers }];
    case 6:
      return [
        {
          method: 'POST',
          url: `${p}/people`,
          headers: pj,
          body: JSON.stringify({ name: { first: 'Load', last: String(i) }, role: 'client' }),
        },
      ];
    default:
      return [{ method: 'GET', url: `${p}/people?q=${encodeURIComponent('{"$where":"1"}')}`, headers: plutio.headers }];
  }
}

/**
 * Sends `total` requests of the mix with `concurrency` workers. Records created by the mix are deleted again
 * (companies by the id in the answer, people by `_id`), so a flat memory is a fair expectation.
 */
export async function runLoad(url: string, plutio: PlutioSession, total: number, concurrency: number, offset = 0) {
  const counts: LoadCounts = { requests: 0, byStatus: {}, errors: 0 };
  let next = 0;
  const record = (status: number) => {
    counts.requests++;
    counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
    if (status === 0 || status >= 500) counts.errors++;
  };
  const worker = async () => {
    while (next < total) {
      const i = offset + next++;
      for (const req of loadRequest(url, plutio, i)) {
        const res = await send(req);
        record(res.status);
        if (req.method === 'POST' && res.status === 201) {
          const id = (JSON.parse(res.bodyText) as { company: { id: number } }).company.id;
          record((await send({ method: 'DELETE', url: `${url}/planio/companies/${id}.json`, headers: admin })).status);
        } else if (req.method === 'POST' && res.status === 200 && req.url.endsWith('/people')) {
          const id = (JSON.parse(res.bodyText) as { _id: string })._id;
          const body = JSON.stringify({ _id: id });
          record((await send({ method: 'DELETE', url: req.url, headers: req.headers, body })).status);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return counts;
}
