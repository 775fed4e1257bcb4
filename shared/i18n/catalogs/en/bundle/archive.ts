/** Bundle files and site mirrors: making, reading and serving them. */
import type { Messages } from '../../../messages.js';

export const bundleArchiveWords = {
  create: {
    wrote: 'Wrote {file} ({size}).',
    systems: 'Systems: {serials}',
    packages: 'Packages:',
    package: '  {file}  {size}  ({name})',
    valid: 'Entitlement statement issued {issuedAt}, valid until {validUntil}.',
  },
  mirror: {
    serving: 'Serving {count, plural, one {# bundle} other {# bundles}} at {url}',
    bundle:
      '  {index}: {file}, made {createdAt} by {portal}; systems {serials}; {count} packages; valid until {validUntil}',
    current: 'Desktops use {url} as their portal; it serves the newest bundle ({index}).',
    stop: 'Stop with Ctrl+C.',
  },
} satisfies Messages;
