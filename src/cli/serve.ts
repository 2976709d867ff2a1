import { type RunningServer, startServer } from '../app/app.js';
import { apiOptionsOf } from '../app/registry.js';
import { FaultSpecError } from '../ops/fault-spec.js';
import { StateFileError } from '../ops/state-file.js';
import { startupBanner } from './banner.js';
import { resolveServeSettings, type ServeFlags, type ServeSettings } from './options.js';

/**
 * `crmkit serve`: starts the reference server, prints the start-up table, and on SIGINT/SIGTERM stops cleanly
 * (writing the state file last). A start-up failure the user can fix (busy port, bad state file, bad fault) is one
 * line on stderr and exit code 1 (the returned 1); anything else is thrown.
 */
export async function serve(flags: ServeFlags): Promise<number | undefined> {
  const settings = resolveServeSettings(flags);
  if (settings.controlNotice) console.log(settings.controlNotice);
  let server: RunningServer;
  try {
    server = await startServer({ ...settings, apiOptions: apiOptionsOf(settings) });
  } catch (err) {
    const line = startupFailure(err, settings);
    if (line === undefined) throw err;
    console.error(`crmkit: ${line}`);
    return 1;
  }
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\ncrmkit: ${signal} received, closing`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(`crmkit: ${(err as Error).message ?? String(err)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  // Printed once the signal handlers are in place: whoever waits for this line may stop the server at once.
  console.log(startupBanner(server));
  return undefined;
}

/** The one-line reason of a start-up failure the user can fix, or undefined for anything else. */
export function startupFailure(err: unknown, settings: Pick<ServeSettings, 'host' | 'port'>): string | undefined {
  if (err instanceof StateFileError || err instanceof FaultSpecError) return err.message;
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'EADDRINUSE':
      return `port ${settings.port} is in use (use --port 0 for any free port)`;
    case 'EACCES':
      return `no permission to listen on port ${settings.port} (use a port above 1023, or --port 0)`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `cannot listen on ${settings.host}: no such address on this machine`;
    default:
      return undefined;
  }
}
