import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../app/app.js';

/**
 * The start-up table: each API's base URL with its credentials, the docs site, the control endpoints, and the
 * state file and fault rules when there are any.
 */
export function startupBanner(server: RunningServer): string {
  const { options } = server;
  const lines = [`crmkit reference server listening on ${server.url}`, ''];
  const width = Math.max(8, ...server.modules.map((m) => m.id.length)) + 2;
  const row = (label: string, text: string) => lines.push(`  ${label.padEnd(width)}${text}`);
  for (const m of server.modules) {
    const url = `${server.url}${server.basePaths[m.id] ?? ''}`;
    row(m.id, url);
    for (const info of m.startupInfo(url)) row('', info);
  }
  lines.push('');
  if (options.docsDir !== false) {
    const built = existsSync(join(options.docsDir, 'index.html'));
    row('docs', `${server.url}/docs/${built ? '' : '  (not built yet: run "npm run docs")'}`);
  }
  if (options.control) row('control', `${server.url}/__crmkit/health`);
  else row('control', 'off');
  const keeper = server.stateKeeper;
  if (keeper) row('state', `${keeper.file} (${keeper.loaded ? 'loaded' : 'new'})`);
  const faults = server.faults.list();
  if (faults.length > 0) row('faults', `${faults.length} rule(s): GET ${server.url}/__crmkit/faults`);
  if (options.validateResponses) lines.push('', '  response validation is on');
  return lines.join('\n');
}
