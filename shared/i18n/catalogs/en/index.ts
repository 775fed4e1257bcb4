/** The English catalog: the source every other language is written against, namespace by namespace. */
import { joinAll } from '../../messages.js';
import { downloads } from './app/downloads.js';
import { install } from './app/install.js';
import { overview } from './app/overview.js';
import { requests } from './app/requests.js';
import { settings } from './app/settings.js';
import { shell } from './app/shell.js';
import { systems } from './app/systems.js';
import { cli } from './cli.js';
import { common } from './common.js';
import { core } from './core.js';
import { desktop } from './desktop.js';
import { domain } from './domain.js';
import { archiveErrors } from './errors/archive.js';
import { cliErrors } from './errors/cli.js';
import { coreErrors } from './errors/core.js';
import { portalErrors } from './errors/portal.js';
import { portalStoreErrors } from './errors/portal-store.js';
import { sharedErrors } from './errors/shared.js';
import { portal } from './portal.js';
import { sla } from './sla.js';

export const en = {
  common,
  errors: joinAll(sharedErrors, coreErrors, portalErrors, portalStoreErrors, cliErrors, archiveErrors),
  sla,
  domain,
  app: { shell, overview, systems, install, downloads, requests, settings },
  cli,
  core,
  desktop,
  portal,
};

export type Catalog = typeof en;
