import { startServer } from '../server/app.js';
import { startupBanner } from './banner.js';
import { resolveServeSettings, type ServeFlags } from './options.js';

/** `crmkit serve`: starts the reference server, prints the start-up table, stops cleanly on SIGINT/SIGTERM. */
export async function serve(flags: ServeFlags): Promise<void> {
  const settings = resolveServeSettings(flags);
  const server = await startServer({
    host: settings.host,
    port: settings.port,
    api: settings.api,
    seed: settings.seed,
    adminApiKey: settings.adminApiKey,
    validateResponses: settings.validateResponses,
    bodyLimit: settings.bodyLimit,
    control: settings.control,
    plutioPeople: settings.plutioPeople,
    plutioRateLimit: settings.plutioRateLimit,
  });
  console.log(startupBanner(server));
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\ncrmkit: ${signal} received, closing`);
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
