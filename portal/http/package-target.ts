/**
 * Which signed target a package URL names. Besides the target's own name, a client may ask for the consistent-
 * snapshot path that standard TUF clients build (`<dir>/<sha256>.<file>`): the same target, but only when the hash
 * is the one the catalog signed for it — any other hash names nothing.
 */
import type { ReleaseTarget } from '../../shared/contracts/catalog.js';
import type { Catalog } from '../catalog/catalog.js';

const HASHED_FILE = /^([0-9a-f]{64})\.(.+)$/;

/** The catalog name `requested` stands for; `requested` itself when it is no hashed path of a known target. */
export async function targetNameFor(catalog: Pick<Catalog, 'target'>, requested: string): Promise<string> {
  if ((await catalog.target(requested)) !== undefined) return requested;
  const slash = requested.lastIndexOf('/');
  const hashed = HASHED_FILE.exec(requested.slice(slash + 1));
  if (hashed === null) return requested;
  const plain = `${requested.slice(0, slash + 1)}${hashed[2] ?? ''}`;
  const target: ReleaseTarget | undefined = await catalog.target(plain);
  // A wrong hash is answered as the unknown name it is, never as the target it resembles.
  return target !== undefined && target.sha256 === hashed[1] ? plain : requested;
}
