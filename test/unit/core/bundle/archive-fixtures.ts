/** Bundles for the reader's tests: a good one as the writer makes it, and hand-made tars that break one rule each. */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pack, type Header } from 'tar-stream';
import { writeBundle, type WrittenBundle } from '../../../../electron/core/bundle/bundle-writer.js';

export const PACKAGE = Buffer.alloc(70_000, 0x5a);
export const TARGET = 'atlas/2.3.1/atlas-2.3.1-linux-x64.tar.gz';
export const METADATA = [
  { name: '1.root.json', bytes: Buffer.from('{"signed":{"version":1}}') },
  { name: 'timestamp.json', bytes: Buffer.from('{"signed":{"version":7}}') },
];
export const STATEMENT = Buffer.from('{"signed":{"serials":["CG-ATL-0001"]}}');

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function goodBundle(out: string, packageBytes = PACKAGE): Promise<WrittenBundle> {
  return writeBundle(out, {
    createdAt: '2026-12-01T10:00:00.000Z',
    portal: 'http://127.0.0.1:8780',
    metadata: METADATA,
    statement: STATEMENT,
    packages: [
      { name: TARGET, length: PACKAGE.length, sha256: sha256(PACKAGE), open: () => Readable.from([packageBytes]) },
    ],
  });
}

export interface Member {
  name: string;
  bytes?: Buffer;
  header?: Partial<Header>;
}

export function manifestOf(members: { name: string; bytes: Buffer }[]): Buffer {
  return Buffer.from(
    JSON.stringify({
      format: 'hicare-bundle',
      formatVersion: 1,
      createdAt: '2026-12-01T10:00:00.000Z',
      portal: 'http://127.0.0.1:8780',
      members: members.map((m) => ({ name: m.name, length: m.bytes.length, sha256: sha256(m.bytes) })),
    }),
  );
}

/** The members of the good bundle, for a test to change one. */
export function goodMembers(): { name: string; bytes: Buffer }[] {
  return [
    ...METADATA.map((m) => ({ name: `metadata/${m.name}`, bytes: m.bytes })),
    { name: 'statement.json', bytes: STATEMENT },
    { name: `packages/${TARGET}`, bytes: PACKAGE },
  ];
}

/** A tar of `members` exactly as given (names, types and sizes unchecked), behind `manifest`. */
export async function craftTar(out: string, manifest: Buffer, members: Member[]): Promise<void> {
  const archive = pack();
  const file = createWriteStream(out);
  const done = new Promise<void>((resolve, reject) => {
    file.on('finish', resolve);
    file.on('error', reject);
  });
  archive.pipe(file);
  const add = (header: Header | (Partial<Header> & { name: string }), bytes?: Buffer) =>
    new Promise<void>((resolve, reject) => {
      const cb = (e?: Error | null) => (e ? reject(e) : resolve());
      if (bytes === undefined) archive.entry(header, cb).end(undefined);
      else archive.entry(header, bytes, cb);
    });
  await add({ name: 'hicare-bundle.json' }, manifest);
  for (const m of members) await add({ name: m.name, ...m.header }, m.bytes);
  archive.finalize();
  await done;
}
