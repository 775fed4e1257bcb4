/**
 * Signing a statement with the online timestamp key(s) the current root names. The timestamp role is the portal's
 * word on "as of now" for the catalog; a statement is the same kind of word about entitlement, and a machine that
 * trusts the root can check it without any key of its own. The signature covers the canonical JSON of `signed`, as
 * TUF's do, and `_type` keeps a statement from ever passing for a role's metadata.
 */
import { canonicalize } from '@tufjs/canonical-json';
import type { EntitlementStatement, SignedStatement } from '../../shared/contracts/bundle.js';
import { loadTrustedKey, type KeyDirs } from '../tuf/keys.js';
import { readRoot, type MetadataSource } from '../tuf/metadata-files.js';

export async function signStatement(
  source: MetadataSource,
  keysDir: KeyDirs,
  statement: EntitlementStatement,
): Promise<SignedStatement> {
  const root = await readRoot(source);
  const key = await loadTrustedKey(keysDir, 'timestamp', root.signed);
  const signature = key.signer(Buffer.from(canonicalize(statement)));
  return { signed: statement, signatures: [{ keyid: signature.keyID, sig: signature.sig }] };
}
