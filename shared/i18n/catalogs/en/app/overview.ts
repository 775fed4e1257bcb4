/** The overview screen. */
import type { Messages } from '../../../messages.js';

export const overview = {
  title: 'Overview',
  tileSystems: 'covered systems',
  tileChecking: 'checking for releases',
  tileAllowed: 'releases you may install',
  contractsHeading: 'Your maintenance contracts',
  pendingContracts: 'your contracts',
  noContract: 'No maintenance contract is on record for your account.',
  severalContracts:
    '{count, plural, one {# contract} other {# contracts}}: where several cover a system, the best of them applies.',
  changeHeading: 'What a change of contract would add',
  checkAgain: 'Check again',
  contract: {
    meta: 'Contract {id} · region {region} · {count, plural, one {# covered system} other {# covered systems}}',
    licensed: 'Licensed versions: {list}',
    // Joins the licensed phrases of one contract.
    licensedSeparator: '; ',
    status: {
      pending: 'Not started yet',
      active: 'Active',
      expiring: 'Expiring soon',
      expired: 'Expired',
    },
  },
  change: {
    nothingMore: 'Your contract includes both updates and upgrades. Nothing more to add.',
    upgradeSupportAdds: 'Application Software Upgrade Support would add',
    upgradesText:
      'Software upgrades: new major versions as they become generally available, on top of the updates you already receive.',
    checkingUpgrades: 'Checking which upgrades this would open on your systems…',
    noUpgradeWaiting: 'No upgrade is waiting on your systems right now.',
    upgradesWaiting: 'Upgrades waiting on your systems:',
    renewAdds: 'Renewing contract {id} would add',
    expired:
      'Service ended on {endDate}. Releases published up to then stay available; a renewal brings newer releases and lets you open service requests again.',
    ending:
      'Service ends on {endDate} ({daysLeft, plural, one {# day} other {# days}} left). Renewing keeps updates, TAC support and online self-help running without a gap.',
    release: '{product} {version}',
    forSystem: 'for {serialNumber}',
    more: 'and {count, number} more',
  },
} satisfies Messages;
