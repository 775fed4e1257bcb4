/**
 * A product whose role the portal has split into hash bins (its size limit set small here): the client lists it by
 * fetching and verifying every bin of that product and nothing of products outside its scope, finds one release
 * through tuf-js's own walk into its bin, and refuses a listing whose bin was signed by a key the delegation does not
 * name, naming the product.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Trust } from '../../../electron/core/trust/trust.js';
import { loadKey } from '../../../portal/tuf/keys.js';
import { readState } from '../../../portal/tuf/metadata-files.js';
import { binFor, binPrefixOf } from '../../../portal/tuf/product-bins.js';
import { openRepository } from '../../../portal/tuf/repository.js';
import { parseTargets, serializeTargets, signTargets } from '../../../portal/tuf/targets-metadata.js';
import {
  cleanup,
  freshRepository,
  listInSnapshot,
  packageFile,
  releaseCustom,
  serve,
  tempDir,
  type Fixture,
  type Served,
} from '../portal-tuf/helpers.js';

const THRESHOLD = 4;
const nameOf = (product: string, version: string): string =>
  `${product}/${version}/linux-x64/${product}-${version}.tar.gz`;
const ATLAS = Array.from({ length: THRESHOLD + 2 }, (_, i) => `1.${i}.0`);

let fixture: Fixture;
let served: Served;
let dataDir = '';

async function publish(product: string, versions: readonly string[]): Promise<void> {
  const repo = openRepository({ ...fixture.repo.options, productBinThreshold: THRESHOLD });
  const inputs = [];
  for (const version of versions) {
    inputs.push({
      name: nameOf(product, version),
      path: await packageFile(fixture.workDir, `${product}-${version}`, `bytes of ${product} ${version}`),
      custom: releaseCustom({ product, version, lifecycle: undefined }),
    });
  }
  await repo.addTargets(inputs);
}

beforeEach(async () => {
  fixture = await freshRepository();
  await publish('atlas', ATLAS);
  await publish('zenith', ['2.0.0']);
  await publish('orion', ['3.0.0']);
  served = await serve(fixture.repoDir);
  dataDir = await tempDir('hicare-bins-client-');
});

afterEach(cleanup);

function trust(): Trust {
  return new Trust({
    dataDirectory: dataDir,
    portalUrl: served.metadataUrl,
    rootFile: join(fixture.repoDir, '1.root.json'),
  });
}

/** The delegated roles and bins fetched since the last call. */
function fetchedRoles(): string[] {
  const roles = served.requests.map((path) => /\/\d+\.(product\.[^/]+)\.json$/.exec(path)?.[1]).filter(Boolean);
  served.requests.length = 0;
  return (roles as string[]).sort();
}

const names = (targets: readonly { name: string }[]) => targets.map((t) => t.name).sort();

describe('a binned product on the client', () => {
  it('lists a binned product from all of its bins, and nothing of products out of scope', async () => {
    const listed = await trust().allTargets(['atlas', 'zenith']);
    expect(names(listed)).toEqual([...ATLAS.map((v) => nameOf('atlas', v)), nameOf('zenith', '2.0.0')].sort());
    expect(fetchedRoles()).toEqual(['product.atlas', 'product.atlas.bin-0', 'product.atlas.bin-1', 'product.zenith']);
  });

  it('finds one release through its bin, fetching only that bin', async () => {
    const name = nameOf('atlas', '1.3.0');
    const found = await trust().verifiedTarget(name);
    expect(found.length).toBe('bytes of atlas 1.3.0'.length);
    expect(fetchedRoles()).toEqual(['product.atlas', binFor(binPrefixOf('product.atlas'), name, 1)]);
  });

  it('refuses a bin signed by a key the delegation does not name, naming the product', async () => {
    // A bin re-signed with the snapshot key (a real key of this repository, but not one the bins are delegated to).
    const state = await readState(fixture.repoDir);
    const bin = binFor(binPrefixOf('product.atlas'), nameOf('atlas', '1.0.0'), 1);
    const meta = state.snapshot.signed.meta[`${bin}.json`]!;
    const file = join(fixture.repoDir, `${meta.version}.${bin}.json`);
    const document = parseTargets(await readFile(file, 'utf8'), file);
    const bytes = serializeTargets(signTargets(document.signed, await loadKey(fixture.keysDir, 'snapshot')));
    await writeFile(file, bytes);
    await listInSnapshot(fixture, state, bin, meta.version, bytes);
    const client = trust();
    const refusal = await client.allTargets(['atlas', 'zenith']).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ key: 'UNTRUSTED_PORTAL.unsignedMetadata', params: { product: 'atlas' } });
    expect(names(await client.allTargets(['zenith']))).toEqual([nameOf('zenith', '2.0.0')]);
  });
});
