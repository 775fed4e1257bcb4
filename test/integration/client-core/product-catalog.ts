/**
 * A signed catalog in the per-product layout, made by hand with @tufjs/models so the client's loader is tested on
 * exactly what the layout says: top-level targets delegating `product.<p>` (terminating; the product, then one to
 * four `*` segments) to the targets key, one role per product, the snapshot listing every role with version, length
 * and sha256.
 * Files are written as the portal serves them (consistent snapshots) into `repoDir`.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalize } from '@tufjs/canonical-json';
import { Key, Metadata, MetaFile, Root, Signature, Snapshot, TargetFile, Targets, Timestamp } from '@tufjs/models';
import { releaseCustom } from '../portal-tuf/helpers.js';

/** A JSON value as the models type one. */
type JSONObject = NonNullable<ConstructorParameters<typeof TargetFile>[0]['unrecognizedFields']>[string];

interface SigningKey {
  key: Key;
  privateKey: KeyObject;
}

function newKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
  const keyval = { public: raw };
  const keyID = createHash('sha256')
    .update(canonicalize({ keytype: 'ed25519', scheme: 'ed25519', keyval }))
    .digest('hex');
  return { key: new Key({ keyID, keyType: 'ed25519', scheme: 'ed25519', keyVal: keyval }), privateKey };
}

function signed<T extends Root | Targets | Snapshot | Timestamp>(body: T, by: SigningKey): Buffer {
  const metadata = new Metadata<T>(body);
  metadata.sign(
    (data) => new Signature({ keyID: by.key.keyID, sig: sign(null, data, by.privateKey).toString('hex') }),
    false,
  );
  return Buffer.from(JSON.stringify(metadata.toJSON()));
}

const EXPIRES = new Date(Date.now() + 30 * 24 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function releaseName(product: string, version: string): string {
  return `${product}/${version}/linux-x64/${product}-${version}-linux-x64.tar.gz`;
}

function release(product: string, version: string): [string, TargetFile] {
  const name = releaseName(product, version);
  const sha256 = createHash('sha256').update(name).digest('hex');
  const custom = releaseCustom({
    product,
    version,
    detection: { kind: 'file', path: `/opt/${product}/VERSION`, regex: '^.*$' },
    lifecycle: { product, major: Number(version.split('.')[0]), ga: '2025-01-15' },
  });
  return [
    name,
    new TargetFile({
      length: 1024,
      path: name,
      hashes: { sha256 },
      unrecognizedFields: { custom: custom as JSONObject },
    }),
  ];
}

export class ProductCatalog {
  private readonly keys = {
    root: newKey(),
    targets: newKey(),
    snapshot: newKey(),
    timestamp: newKey(),
  };
  private readonly versions = new Map<string, string[]>();
  private readonly roleVersions = new Map<string, number>();
  private readonly meta: Record<string, MetaFile> = {};
  private snapshotVersion = 0;
  private timestampVersion = 0;

  constructor(readonly repoDir: string) {}

  /** Root version 1, and every product's role, top-level targets, snapshot and timestamp. */
  async create(products: Record<string, readonly string[]>): Promise<void> {
    const keys = Object.fromEntries(Object.values(this.keys).map(({ key }) => [key.keyID, key.toJSON()]));
    const role = (name: keyof typeof this.keys) => ({ keyids: [this.keys[name].key.keyID], threshold: 1 });
    const root = Root.fromJSON({
      _type: 'root',
      spec_version: '1.0.31',
      version: 1,
      expires: EXPIRES,
      consistent_snapshot: true,
      keys,
      roles: { root: role('root'), targets: role('targets'), snapshot: role('snapshot'), timestamp: role('timestamp') },
    });
    await writeFile(join(this.repoDir, '1.root.json'), signed(root, this.keys.root));
    for (const [product, versions] of Object.entries(products)) {
      this.versions.set(product, [...versions]);
      await this.writeRole(product);
    }
    await this.writeTopLevel();
    await this.writeSnapshotAndTimestamp();
  }

  /** A new release of `product`: its role, snapshot and timestamp signed anew. */
  async publish(product: string, version: string): Promise<void> {
    this.versions.get(product)?.push(version);
    await this.writeRole(product);
    await this.writeSnapshotAndTimestamp();
  }

  /**
   * `product`'s role as someone else makes it: a release added, signed by a key the delegation does not name and
   * listed by the snapshot (`stranger`), or the signed bytes altered on their way, unlike what the snapshot lists
   * (`altered`).
   */
  async tamper(product: string, how: 'stranger' | 'altered'): Promise<void> {
    this.versions.get(product)?.push('9.9.9');
    await this.writeRole(product, how === 'stranger' ? newKey() : this.keys.targets, (bytes) =>
      how === 'altered' ? Buffer.from(bytes.toString('utf8').replace('"length":1024', '"length":1025')) : bytes,
    );
    await this.writeSnapshotAndTimestamp();
  }

  private async writeRole(
    product: string,
    by: SigningKey = this.keys.targets,
    alter: (bytes: Buffer) => Buffer = (bytes) => bytes,
  ): Promise<void> {
    const name = `product.${product}`;
    const version = (this.roleVersions.get(name) ?? 0) + 1;
    this.roleVersions.set(name, version);
    const targets = Object.fromEntries((this.versions.get(product) ?? []).map((v) => release(product, v)));
    const bytes = signed(new Targets({ version, specVersion: '1.0.31', expires: EXPIRES, targets }), by);
    await this.writeListed(name, version, bytes);
    // The snapshot lists what was signed; what is served may differ on its way.
    await writeFile(join(this.repoDir, `${version}.${name}.json`), alter(bytes));
  }

  private async writeTopLevel(): Promise<void> {
    const products = [...this.versions.keys()].sort();
    const delegations = {
      keys: { [this.keys.targets.key.keyID]: this.keys.targets.key.toJSON() },
      roles: products.map((product) => ({
        name: `product.${product}`,
        keyids: [this.keys.targets.key.keyID],
        threshold: 1,
        terminating: true,
        paths: [1, 2, 3, 4].map((depth) => [product, ...Array<string>(depth).fill('*')].join('/')),
      })),
    };
    const version = (this.roleVersions.get('targets') ?? 0) + 1;
    this.roleVersions.set('targets', version);
    const top = Targets.fromJSON({
      _type: 'targets',
      spec_version: '1.0.31',
      version,
      expires: EXPIRES,
      targets: {},
      delegations,
    });
    const bytes = signed(top, this.keys.targets);
    await this.writeListed('targets', version, bytes);
  }

  private async writeListed(role: string, version: number, bytes: Buffer): Promise<void> {
    await writeFile(join(this.repoDir, `${version}.${role}.json`), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    this.meta[`${role}.json`] = new MetaFile({ version, length: bytes.length, hashes: { sha256 } });
  }

  private async writeSnapshotAndTimestamp(): Promise<void> {
    const version = ++this.snapshotVersion;
    const bytes = signed(
      new Snapshot({ version, specVersion: '1.0.31', expires: EXPIRES, meta: { ...this.meta } }),
      this.keys.snapshot,
    );
    await writeFile(join(this.repoDir, `${version}.snapshot.json`), bytes);
    const snapshotMeta = new MetaFile({
      version,
      length: bytes.length,
      hashes: { sha256: createHash('sha256').update(bytes).digest('hex') },
    });
    const timestamp = new Timestamp({
      version: ++this.timestampVersion,
      specVersion: '1.0.31',
      expires: EXPIRES,
      snapshotMeta,
    });
    await writeFile(join(this.repoDir, 'timestamp.json'), signed(timestamp, this.keys.timestamp));
  }
}
