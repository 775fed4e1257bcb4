/**
 * Where an offline verify or install reads a bundle from: a bundle file or a site mirror. The carriers live beside
 * this file (bundle-reader.ts, mirror-source.ts) and are loaded when asked for, so the verifier depends only on
 * the BundleContents they return.
 */
import { HicareError } from '../../../shared/errors.js';
import type { BundleContents } from './contents.js';

type Opener = (where: string) => Promise<BundleContents>;

async function carrier(module: string, name: string): Promise<Opener> {
  try {
    const loaded = (await import(module)) as Record<string, unknown>;
    const open = loaded[name];
    if (typeof open === 'function') return open as Opener;
  } catch {
    // This build carries no such reader: said below in the user's words.
  }
  throw new HicareError('BUNDLE_INVALID');
}

export async function openBundleSource(where: { file?: string; mirror?: string }): Promise<BundleContents> {
  if (where.mirror !== undefined) return (await carrier('./mirror-source.js', 'openMirror'))(where.mirror);
  return (await carrier('./bundle-reader.js', 'openBundleFile'))(where.file ?? '');
}
