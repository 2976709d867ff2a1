import { connect } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../app/test-server.js';
import { createFixtureModule } from '../ops/fixture-module.js';

let t: TestServer;
let port: number;

beforeAll(async () => {
  t = await startTestServer({ modules: [createFixtureModule()], log: () => {} });
  port = Number(new URL(t.url).port);
});
afterAll(() => t.close());

/** Writes raw bytes on a new connection and returns everything the server sends until it closes. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', (err) => reject(new Error(`${err.message} after ${Buffer.concat(chunks).length} bytes`)));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
    socket.write(bytes);
  });
}

test('a URL over the header limit gets 431 every time, never a reset connection', async () => {
  const request = `GET /fixture/items?q=${'a'.repeat(200_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
  for (let i = 0; i < 10; i++) {
    const answer = await raw(request);
    expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(answer).toContain('Connection: close');
  }
});

test('a malformed request line gets 400, and the server keeps answering', async () => {
  expect(await raw('NOT A REQUEST\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  expect((await fetch(`${t.url}/fixture/items/1`)).status).toBe(200);
});
