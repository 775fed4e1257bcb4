/** The Simplified Chinese catalog, key for key the shape of the English one. */
import { joinAll, type SameShape } from '../../messages.js';
import type { Catalog } from '../en/index.js';
import { consoleFrame } from './admin/console.js';
import { customersWords } from './admin/customers.js';
import { contractsWords } from './admin/contracts.js';
import { regionsWords } from './admin/regions.js';
import { releasesWords } from './admin/releases.js';
import { reportsWords } from './admin/reports.js';
import { mailWords } from './admin/mail.js';
import { articlesWords } from './admin/articles.js';
import { downloads } from './app/downloads.js';
import { install } from './app/install.js';
import { overview } from './app/overview.js';
import { requests } from './app/requests.js';
import { settings } from './app/settings.js';
import { selfhelp } from './app/selfhelp.js';
import { shell } from './app/shell.js';
import { systems } from './app/systems.js';
import { cli } from './cli.js';
import { common } from './common.js';
import { core } from './core.js';
import { desktop } from './desktop.js';
import { domain } from './domain.js';
import { archiveErrors } from './errors/archive.js';
import { customersErrors } from './errors/admin-customers.js';
import { contractsErrors } from './errors/admin-contracts.js';
import { regionsErrors } from './errors/admin-regions.js';
import { releasesErrors } from './errors/admin-releases.js';
import { reportsErrors } from './errors/admin-reports.js';
import { mailErrors } from './errors/admin-mail.js';
import { articlesErrors } from './errors/admin-articles.js';
import { kbErrors } from './errors/kb.js';
import { communityErrors } from './errors/community.js';
import { bundleArchiveErrors } from './errors/bundle-archive.js';
import { bundleTrustErrors } from './errors/bundle-trust.js';
import { bundleStatementErrors } from './errors/bundle-statement.js';
import { appBundleErrors } from './errors/app-bundles.js';
import { bundleArchiveWords } from './bundle/archive.js';
import { bundleTrustWords } from './bundle/trust.js';
import { bundles } from './app/bundles.js';
import { cliErrors } from './errors/cli.js';
import { coreErrors } from './errors/core.js';
import { portalErrors } from './errors/portal.js';
import { portalStoreErrors } from './errors/portal-store.js';
import { sharedErrors } from './errors/shared.js';
import { portal } from './portal.js';
import { sla } from './sla.js';

export const zhCN: SameShape<Catalog> = {
  common,
  errors: joinAll(
    sharedErrors,
    coreErrors,
    portalErrors,
    portalStoreErrors,
    cliErrors,
    archiveErrors,
    customersErrors,
    contractsErrors,
    regionsErrors,
    releasesErrors,
    reportsErrors,
    mailErrors,
    articlesErrors,
    kbErrors,
    communityErrors,
    bundleArchiveErrors,
    bundleTrustErrors,
    bundleStatementErrors,
    appBundleErrors,
  ),
  sla,
  domain,
  app: { shell, overview, systems, install, downloads, requests, settings, selfhelp, bundles },
  // The back office: one part per area, shared by the console, the portal's commands and its e-mail.
  admin: joinAll(
    consoleFrame,
    customersWords,
    contractsWords,
    regionsWords,
    releasesWords,
    reportsWords,
    mailWords,
    articlesWords,
  ),
  // Offline bundles and site mirrors, as the CLI and the app say them.
  bundle: joinAll(bundleArchiveWords, bundleTrustWords),
  cli,
  core,
  desktop,
  portal,
};
