/**
 * Hashes of the TUF repository's files and key objects. The canonical JSON they are signed and identified in (the
 * OLPC dialect) comes from `@tufjs/canonical-json`, the encoder tuf-js itself verifies with, so what the portal
 * signs is byte for byte what every client re-encodes.
 */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
