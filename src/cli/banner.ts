import type { RunningServer } from '../server/app.js';

/** The start-up table: each API's base URL with its credentials, then the control endpoints. */
export function startupBanner(server: RunningServer): string {
  const lines = [`crmkit reference server listening on ${server.url}`, ''];
  const width = Math.max(8, ...server.modules.map((m) => m.id.length)) + 2;
  for (const m of server.modules) {
    lines.push(`  ${m.id.padEnd(width)}${server.url}${server.basePaths[m.id] ?? ''}`);
    for (const info of m.startupInfo()) lines.push(`  ${''.padEnd(width)}${info}`);
  }
  if (server.options.control) lines.push('', `  ${'control'.padEnd(width)}${server.url}/__crmkit/health`);
  if (server.options.validateResponses) lines.push('', '  response validation is on');
  return lines.join('\n');
}
