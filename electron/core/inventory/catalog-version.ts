/**
 * Which versions an admin may enter for a system: those of the product in the signed catalog (any platform, since
 * remote equipment may run another one than this desktop), or any other the admin confirms is not in the catalog
 * (equipment installed by other means) — recorded with that mark, so it is never taken for an up-to-date release.
 */
import type { ReleaseTarget } from '../../../shared/contracts/catalog.js';
import { productLabel } from '../../../shared/domain/product-label.js';
import { compareVersions, parseVersion } from '../../../shared/domain/release.js';
import { HicareError } from '../../../shared/errors.js';
import type { MessageParams } from '../../../shared/i18n/messages.js';

/** The product's versions in the catalog, oldest first. */
export function catalogVersions(targets: readonly ReleaseTarget[], product: string): string[] {
  return [...new Set(targets.filter((t) => t.custom.product === product).map((t) => t.custom.version))].sort(
    compareVersions,
  );
}

/**
 * Whether the version is to be marked as outside the catalog; refused (VERSION_NOT_IN_CATALOG) when it is outside
 * and not confirmed. The remedy is the hosts' to word: the app names its checkbox, the CLI its flag.
 */
export function checkEnteredVersion(
  targets: readonly ReleaseTarget[],
  system: { serialNumber: string; product: string },
  version: string,
  confirmed: boolean,
): { notInCatalog: boolean } {
  parseVersion(version);
  const known = catalogVersions(targets, system.product);
  if (known.includes(version)) return { notInCatalog: false };
  if (confirmed) return { notInCatalog: true };
  throw new HicareError('VERSION_NOT_IN_CATALOG.entered', enteredParams(version, system.product, known), {
    serialNumber: system.serialNumber,
    product: system.product,
    version,
    knownVersions: known,
  });
}

/** What the refusal's words need: the version, the product, and the catalog's versions (the remedy lists them). */
export function enteredParams(version: string, product: string, known: readonly string[]): MessageParams {
  return { version, product: productLabel(product), known: known.join(', '), knownCount: known.length };
}
