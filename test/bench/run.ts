/**
 * `npm run bench [group…]`: runs the benchmarks, each printing its figures as ratios against a reference measured
 * in the same run. Groups: portal (API load and package throughput). Without arguments, every group runs.
 */
const GROUPS: Record<string, () => Promise<unknown>> = {
  portal: async () => {
    await (await import('./portal.js')).main();
    await (await import('./portal-packages.js')).main();
  },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((g) => !(g in GROUPS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark group: ${unknown.join(', ')}. Groups: ${Object.keys(GROUPS).join(', ')}.`);
  process.exitCode = 2;
} else {
  for (const group of asked.length === 0 ? Object.keys(GROUPS) : asked) {
    console.log(`\n=== ${group} ===`);
    await GROUPS[group]!();
  }
}
