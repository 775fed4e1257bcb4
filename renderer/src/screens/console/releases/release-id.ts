/**
 * A release's address word in the console: `product@version` (`#/console/releases/atlas@1.9.0`). Neither a product
 * id nor a version contains `@`, so the first one splits them; anything else names no release.
 */
export function releaseId(product: string, version: string): string {
  return `${product}@${version}`;
}

export function parseReleaseId(id: string): { product: string; version: string } | null {
  const at = id.indexOf('@');
  if (at <= 0 || at === id.length - 1) return null;
  const product = id.slice(0, at);
  const version = id.slice(at + 1);
  return version.includes('@') ? null : { product, version };
}

/** The catalog's phase names as the words' select keys (no hyphens there). */
export function phaseKey(
  phase: 'before-ga' | 'maintained' | 'past-end-of-maintenance' | 'past-end-of-service' | 'no-lifecycle',
): 'beforeGa' | 'maintained' | 'pastEndOfMaintenance' | 'pastEndOfService' | 'noLifecycle' {
  switch (phase) {
    case 'before-ga':
      return 'beforeGa';
    case 'maintained':
      return 'maintained';
    case 'past-end-of-maintenance':
      return 'pastEndOfMaintenance';
    case 'past-end-of-service':
      return 'pastEndOfService';
    case 'no-lifecycle':
      return 'noLifecycle';
  }
}
