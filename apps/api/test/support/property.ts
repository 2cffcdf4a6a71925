/**
 * fast-check settings for `npm test`: a fixed seed, so a failure found once is found again on every machine, and
 * a small number of runs to stay inside CI's time. A longer hunt sets PROPERTY_RUNS (and a new PROPERTY_SEED);
 * fast-check prints the seed and path of any counterexample it finds.
 */
export function propertyRuns(numRuns: number): { numRuns: number; seed: number } {
  return {
    numRuns: Number(process.env.PROPERTY_RUNS ?? numRuns),
    seed: Number(process.env.PROPERTY_SEED ?? 20261206),
  };
}
