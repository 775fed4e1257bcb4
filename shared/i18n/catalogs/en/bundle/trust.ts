/** Verifying a bundle offline and installing from it. */
import type { Messages } from '../../../messages.js';

export const bundleTrustWords = {
  offline: {
    verifiedAsOf: 'Verified offline as of {issuedDate}',
    validUntil: 'Valid until {validUntilAt}',
    contract: 'Contract: {contract}',
    serials: '{count, plural, one {System} other {Systems}}: {serials}',
    catalog: 'Signed catalog: root version {root}, package list version {targets}',
    packages: '{count, plural, one {# package} other {# packages}}:',
    package: '  {file}  {product} {version} ({platform}), {size}',
    installing: 'Installing {product} {version} on {serial} ({step} of {count}) from the bundle…',
  },
} satisfies Messages;
