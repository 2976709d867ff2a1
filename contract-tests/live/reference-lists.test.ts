import { expect, test } from 'vitest';
import { REFERENCE_CREDENTIALS } from '../support/credentials.js';
import { sendRequest } from '../support/http-client.js';
import { startReference } from '../support/target-reference.js';
import { assertReachable, liveRedmine } from './live-env.js';

const LIVE = process.env.CRMKIT_LIVE === '1';

const PATHS = [
  '/trackers',
  '/issue_statuses',
  '/enumerations/issue_priorities',
  '/enumerations/time_entry_activities',
  '/enumerations/document_categories',
];

test.runIf(LIVE)(
  'the reference lists are a fresh Redmine 5.0’s default data, byte for byte, in JSON and XML (npm run test:live)',
  async () => {
    const live = liveRedmine();
    await assertReachable(live);
    const reference = await startReference('redmine', '/redmine');
    try {
      let compared = 0;
      for (const path of PATHS) {
        for (const format of ['json', 'xml']) {
          const get = (baseUrl: string, key: string) =>
            sendRequest(baseUrl, {
              method: 'GET',
              path: `${path}.${format}`,
              headers: { 'X-Redmine-API-Key': key, Accept: `application/${format}` },
            });
          const [a, b] = [await get(live.url, live.apiKey), await get(reference.baseUrl, REFERENCE_CREDENTIALS.key)];
          expect([b.status, b.headers['content-type'], b.bodyText], `${path}.${format}`).toEqual([
            a.status,
            a.headers['content-type'],
            a.bodyText,
          ]);
          expect(a.status).toBe(200);
          compared++;
        }
      }
      expect(compared).toBe(10);
    } finally {
      await reference.close();
    }
  },
);
