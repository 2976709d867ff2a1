/**
 * crmkit's public entry: the reference server (`createServer` builds without listening, `startServer` listens),
 * its module interface and errors, and the spec loader.
 */
export * from './clients/index.js';
export * from './server/index.js';
export { startTestServer, type TestServer } from './server/test-server.js';
export { API_IDS, type ApiId, dereference, listOperations, loadBundledSpec } from './spec/load.js';
