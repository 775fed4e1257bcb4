/**
 * A bundle held in memory, shaped as the verifier reads any carrier: the tests build exactly the bundle an attack
 * needs (a byte changed, a root left out, another statement) without going through a file format.
 */
import { Readable } from 'node:stream';
import type { BundleContents } from '../../../electron/core/bundle/contents.js';

export interface BundleParts {
  metadata: Map<string, Buffer>;
  statement: Buffer;
  packages: Map<string, Buffer>;
}

export function memoryBundle(parts: BundleParts, origin = 'memory'): BundleContents {
  return {
    origin,
    createdAt: new Date().toISOString(),
    metadata: parts.metadata,
    statement: parts.statement,
    packages: [...parts.packages.keys()],
    openPackage(name) {
      const bytes = parts.packages.get(name);
      if (bytes === undefined) return Promise.reject(new Error(`no package ${name} in this bundle`));
      // In 64 KiB pieces, as a file would be read, so a reader that stops early is exercised.
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
      return Promise.resolve(Readable.from(chunks));
    },
    close: () => Promise.resolve(),
  };
}

/** A copy whose maps can be changed without touching the original. */
export function copyParts(parts: BundleParts): BundleParts {
  return {
    metadata: new Map(parts.metadata),
    statement: parts.statement,
    packages: new Map(parts.packages),
  };
}
