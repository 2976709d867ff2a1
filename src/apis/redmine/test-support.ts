import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startTestServer, type TestServer } from '../../app/test-server.js';
import { type CallOptions, type CallResult, familyClient } from '../../redmine-family/test-client.js';

/** What a test file gets from {@link redmineTestServer}. */
export interface RedmineTestServer {
  /** Sends a request to the `redmine` API (as the administrator unless `options.as` says otherwise). */
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>;
  /** The running server (its URL for the control endpoints). */
  server(): TestServer;
}

/**
 * A server of the `redmine` API for one test file: started before its tests, put back to the seed before each test,
 * and stopped after them, when no answer may have broken the document (`validateResponses`).
 */
export function redmineTestServer(): RedmineTestServer {
  let running: TestServer | undefined;
  let client: ReturnType<typeof familyClient> | undefined;
  const server = (): TestServer => {
    if (!running) throw new Error('the redmine test server is not running');
    return running;
  };
  beforeAll(async () => {
    running = await startTestServer({ apis: ['redmine'] });
    client = familyClient(running.api('redmine'));
  });
  beforeEach(async () => {
    await fetch(`${server().url}/__crmkit/reset`, { method: 'POST' });
  });
  afterAll(async () => {
    expect(server().violations()).toEqual([]);
    await server().close();
  });
  return {
    server,
    call: (method, path, options) => {
      if (!client) throw new Error('the redmine test server is not running');
      return client(method, path, options);
    },
  };
}
