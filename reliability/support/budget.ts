/**
 * How much work the reliability suite does. The default (CI) variant is sized to finish in about a minute on two
 * cores; `CRMKIT_LONG=1` (`npm run test:long`, `scripts/reliability-long.sh`) runs the nightly-style variant.
 */
export const LONG = process.env.CRMKIT_LONG === '1';

/** The CI value, or the long value under `CRMKIT_LONG=1`. */
export function scaled(ci: number, long: number): number {
  return LONG ? long : ci;
}

/** Seed of the fuzz runs: `CRMKIT_FUZZ_SEED`, else a fixed one in CI (stable) and a fresh one in long runs. */
export function fuzzSeed(fixed: number): number {
  const given = process.env.CRMKIT_FUZZ_SEED;
  if (given !== undefined && given.trim() !== '') return Number(given);
  return LONG ? Date.now() % 2 ** 31 : fixed;
}
