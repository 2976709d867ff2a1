import { buildProgram } from './program.js';

/** Entry point of the `crmkit` command (run through tsx by bin/crmkit.js and `npm start`). */
buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    console.error(`crmkit: ${(err as Error).message ?? String(err)}`);
    process.exit(1);
  });
