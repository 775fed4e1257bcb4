/**
 * `openMirror`: the newest bundle a site mirror serves, read over HTTP as BundleContents. The mirror is trusted for
 * nothing: its manifest frames what it serves exactly as a file's does (names, lengths, hashes of metadata and the
 * statement), a package answer of another length is refused, and the offline verifier then checks every byte
 * against the root this desktop trusts.
 */
import { Transform, type Readable } from 'node:stream';
import got from 'got';
import { HicareError } from '../../../shared/errors.js';
import { transportError } from '../portal/errors.js';
import type { TransportOptions } from '../portal/network.js';
import { LIMITS, MANIFEST_NAME, memberKind, parseManifest, printable, refuseTooLarge } from './bundle-layout.js';
import { MemberLedger, openedBundle, type OpenedBundle } from './bundle-members.js';
import type { MirrorIndex } from './mirror-server.js';

export interface MirrorOptions {
  transport?: TransportOptions;
  timeoutMs?: number;
}

function memberUrl(base: string, bundle: number, name: string): string {
  return `${base}/bundles/${bundle}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

export async function openMirror(url: string, options: MirrorOptions = {}): Promise<OpenedBundle> {
  const base = new URL(url).origin;
  const http = got.extend({
    ...options.transport,
    timeout: { request: options.timeoutMs ?? 30_000 },
    retry: { limit: 2 },
    throwHttpErrors: false,
    followRedirect: false,
  });
  const fetchSmall = async (target: string, name: string, limit: number): Promise<Buffer> => {
    let response;
    try {
      response = await http(target, { responseType: 'buffer' });
    } catch (error) {
      throw transportError(error, base);
    }
    if (response.statusCode !== 200)
      throw new HicareError('BUNDLE_INVALID.mirrorAnswer', {
        url: base,
        name: printable(name),
        status: response.statusCode,
      });
    if (response.body.length > limit) refuseTooLarge(name, limit);
    return response.body;
  };

  const indexBytes = await fetchSmall(`${base}/mirror.json`, 'mirror.json', LIMITS.manifestBytes);
  let index: MirrorIndex;
  try {
    index = JSON.parse(indexBytes.toString('utf8')) as MirrorIndex;
  } catch {
    throw new HicareError('BUNDLE_INVALID.mirrorIndex', { url: base });
  }
  if (index.format !== 'hicare-mirror' || !Number.isSafeInteger(index.current) || index.current < 0)
    throw new HicareError('BUNDLE_INVALID.mirrorIndex', { url: base });
  const bundle = index.current;

  const manifest = parseManifest(
    await fetchSmall(memberUrl(base, bundle, MANIFEST_NAME), MANIFEST_NAME, LIMITS.manifestBytes),
  );
  const ledger = new MemberLedger(manifest);
  for (const member of manifest.members) {
    if (memberKind(member.name) === 'package') {
      // Its length is checked when it is streamed: fetching gigabytes to open the bundle would defeat the mirror.
      ledger.admit(member.name, true, member.length);
      ledger.notePackage(member);
      continue;
    }
    const bytes = await fetchSmall(memberUrl(base, bundle, member.name), member.name, member.length);
    ledger.admit(member.name, true, bytes.length);
    ledger.keep(member, bytes);
  }
  const found = ledger.finish();
  return openedBundle(base, manifest, found, async (member): Promise<Readable> => {
    const stream = http.stream(memberUrl(base, bundle, member.name), { retry: { limit: 0 } });
    let received = 0;
    const framed = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > member.length)
          done(
            new HicareError('BUNDLE_INVALID.memberSize', {
              name: printable(member.name),
              expected: member.length,
              actual: received,
            }),
          );
        else done(null, chunk);
      },
      flush(done) {
        if (received !== member.length) done(new HicareError('BUNDLE_INVALID.truncated'));
        else done();
      },
    });
    await new Promise<void>((resolve, reject) => {
      stream.once('response', (response: { statusCode: number }) => {
        if (response.statusCode !== 200) {
          stream.destroy();
          reject(
            new HicareError('BUNDLE_INVALID.mirrorAnswer', {
              url: base,
              name: printable(member.name),
              status: response.statusCode,
            }),
          );
        } else resolve();
      });
      stream.once('error', (error) => reject(transportError(error, base)));
    });
    stream.on('error', (error) => framed.destroy(transportError(error, base)));
    return stream.pipe(framed);
  });
}
