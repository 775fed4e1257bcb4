// Type-checks every layer against its own lib/types, so that each layer's runtime limits are enforced by the compiler.
import { spawnSync } from 'node:child_process';

const layers = ['shared', 'renderer', 'electron', 'portal', 'test', '.'];
const tsc = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
let failed = 0;
for (const layer of layers) {
  const project = layer === '.' ? 'tsconfig.tools.json' : `${layer}/tsconfig.json`;
  const r = spawnSync(process.execPath, [tsc, '-p', project], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed += 1;
    console.error(`typecheck: ${project} failed`);
  }
}
process.exit(failed === 0 ? 0 : 1);
