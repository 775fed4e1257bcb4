/**
 * `npm run bench [group…]`: runs the benchmarks, each printing its figures as ratios against a reference measured
 * in the same run. Groups: portal (API load and package throughput), download (the client's figures: 1 GiB
 * download, fleet resolution, the 100,000-target signed catalog), ui (the 10,000-row release list in Chromium),
 * cluster (the install base's mix through HAProxy to two instances on PostgreSQL; needs PostgreSQL and HAProxy),
 * kb (the knowledge index at 10,000 articles and 50,000 community posts: build, memory, search and assistant),
 * bundle (offline bundles of 1 GiB written and read against tar and sha256sum).
 * Without arguments, every group runs. Benchmarks are never part of `npm test`; each file also runs alone with
 * `node --import tsx test/bench/<file>.ts`.
 */
import { goalSummary } from './goals.js';

const GROUPS: Record<string, () => Promise<unknown>> = {
  portal: async () => {
    await (await import('./portal.js')).main();
    await (await import('./portal-packages.js')).main();
  },
  download: async () => {
    await (await import('./client-download.js')).main();
    await (await import('./resolver.js')).main();
    await (await import('./tuf-catalog.js')).main();
    await (await import('./tuf-catalog-customer.js')).main();
  },
  ui: async () => {
    await (await import('./ui/release-list.js')).main();
  },
  cluster: async () => {
    await (await import('./cluster.js')).main();
  },
  kb: async () => {
    await (await import('./kb.js')).main();
  },
  bundle: async () => {
    await (await import('./bundle.js')).main();
  },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((g) => !(g in GROUPS));
if (process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['HICARE_BENCH'] !== '1') {
  // Minutes of full-machine load whose figures are only meaningful on a quiet machine: never a side effect of CI.
  console.log('Benchmarks are skipped under CI; set HICARE_BENCH=1 to run them anyway.');
} else if (unknown.length > 0) {
  console.error(`Unknown benchmark group: ${unknown.join(', ')}. Groups: ${Object.keys(GROUPS).join(', ')}.`);
  process.exitCode = 2;
} else {
  for (const group of asked.length === 0 ? Object.keys(GROUPS) : asked) {
    console.log(`\n=== ${group} ===`);
    await GROUPS[group]!();
  }
  console.log(`\n=== goals ===\n${goalSummary()}`);
}
