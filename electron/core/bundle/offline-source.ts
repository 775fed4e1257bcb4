/** Where an offline verify or install reads a bundle from: a bundle file or a site mirror, as BundleContents. */
import type { BundleContents } from './contents.js';
import { openBundleFile } from './bundle-reader.js';
import { openMirror } from './mirror-source.js';

export async function openBundleSource(where: { file?: string; mirror?: string }): Promise<BundleContents> {
  if (where.mirror !== undefined) return openMirror(where.mirror);
  return openBundleFile(where.file ?? '');
}
