import { buildProgram } from './program.js';

/** Entry point of the `crmkit` command (`bin/crmkit.js` runs its compiled form when built, else this file through tsx). */
buildProgram()
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    console.error(`crmkit: ${(err as Error).message ?? String(err)}`);
    process.exit(1);
  });
