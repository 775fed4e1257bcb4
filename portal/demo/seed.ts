/**
 * `hicare-portal seed --demo`: a small real world to walk every journey in (DESIGN.md §6). Two customers, one per
 * tier, with active contracts over systems chosen so that each rule shows up: a Support customer whose atlas 2.x
 * upgrade is locked, an Upgrade Support customer whose atlas 1.4.2 reaches 2.3.1 only through 1.9.0, a cobalt 4.2.0
 * whose 4.2.1 update fails to install, a beacon on a line past end of maintenance. Every role gets an account with
 * a fresh random password; the contract dates are relative to the day of the seed, so the demo never expires.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { NEW_SERVICE_START_AFTER_SHIPMENT_DAYS, type Contract, type Tier } from '../../shared/domain/contract.js';
import { resolveContractStart } from '../../shared/domain/contract-start.js';
import { addDays, calendarDateAt } from '../../shared/domain/dates.js';
import type { Role } from '../../shared/domain/request-state.js';
import { HicareError } from '../../shared/errors.js';
import { createAccount } from '../accounts/create-account.js';
import { commandLineActor } from '../admin/audit.js';
import { publishReleases } from '../admin/publish.js';
import type { Catalog } from '../catalog/catalog.js';
import { saveArticle } from '../db/articles.js';
import { createContract } from '../db/contracts.js';
import { createCustomer, listCustomers } from '../db/customers.js';
import { setInstalledVersion } from '../db/installed-versions.js';
import { setLifecycle } from '../db/lifecycles.js';
import type { Database } from '../db/schema.js';
import { initKeys } from '../tuf/keys.js';
import { initRepository } from '../tuf/repository.js';
import { DEMO_LIFECYCLES, demoPackageSpecs } from './catalog.js';
import { seedDemoCommunity } from './community.js';
import { DEMO_ARTICLES } from './knowledge.js';
import { buildDemoPackage } from './packages.js';
import { seedDemoRegions } from './regions.js';

export interface DemoAccount {
  email: string;
  password: string;
  role: Role;
  name: string;
  /** The customer's name and tier; null for the vendor's staff. */
  customer: { id: string; name: string; tier: Contract['tier'] } | null;
}

export interface DemoSeedResult {
  accounts: DemoAccount[];
  customers: {
    id: string;
    name: string;
    tier: Contract['tier'];
    contractId: string;
    systems: { serialNumber: string; product: string; installedVersion: string }[];
  }[];
  targets: number;
}

interface DemoSystem {
  serialNumber: string;
  product: string;
  location: string;
  installedVersion: string;
}

interface DemoCustomer {
  id: string;
  name: string;
  domain: string;
  tier: Contract['tier'];
  contractId: string;
  licensedMajors: Record<string, number>;
  systems: DemoSystem[];
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    id: 'northwind',
    name: 'Northwind Utilities',
    domain: 'northwind.example',
    tier: 'support',
    contractId: 'NW-SUP-2026',
    licensedMajors: { atlas: 1, beacon: 1, cobalt: 4 },
    systems: [
      {
        serialNumber: 'NW-ATL-0001',
        product: 'atlas',
        location: 'Northwind Plant 1, control room',
        installedVersion: '1.4.2',
      },
      {
        serialNumber: 'NW-BCN-0001',
        product: 'beacon',
        location: 'Northwind Plant 1, alarm desk',
        installedVersion: '1.5.0',
      },
      { serialNumber: 'NW-COB-0001', product: 'cobalt', location: 'Northwind substation 7', installedVersion: '4.1.0' },
    ],
  },
  {
    id: 'contoso',
    name: 'Contoso Grid',
    domain: 'contoso.example',
    tier: 'upgrade-support',
    contractId: 'CG-UPS-2026',
    licensedMajors: { atlas: 1, beacon: 2, cobalt: 4 },
    systems: [
      {
        serialNumber: 'CG-ATL-0001',
        product: 'atlas',
        location: 'Contoso operations centre, rack B4',
        installedVersion: '1.4.2',
      },
      {
        serialNumber: 'CG-BCN-0001',
        product: 'beacon',
        location: 'Contoso operations centre, alarm wall',
        installedVersion: '2.0.0',
      },
      {
        serialNumber: 'CG-COB-0001',
        product: 'cobalt',
        location: 'Contoso wind farm North, turbine 12',
        installedVersion: '4.2.0',
      },
    ],
  },
];

const VENDOR_DOMAIN = 'hicare.example';

/** 20 characters from an alphabet without look-alikes: easy to type from a terminal, far past any guessing. */
function demoPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(20)].map((b) => alphabet[b % alphabet.length]).join('');
}

export interface DemoSeedOptions {
  db: Kysely<Database>;
  catalog: Catalog;
  keysDir: string;
  now: Date;
}

export async function seedDemo({ db, catalog, keysDir, now }: DemoSeedOptions): Promise<DemoSeedResult> {
  if ((await listCustomers(db)).length > 0) {
    throw new HicareError('ALREADY_EXISTS.demoSeed');
  }
  await initKeys(keysDir);
  await initRepository({ ...catalog.repository.options, keysDir, now });
  for (const lifecycle of DEMO_LIFECYCLES) await setLifecycle(db, lifecycle);
  for (const article of DEMO_ARTICLES) await saveArticle(db, article);

  const work = await mkdtemp(join(tmpdir(), 'hicare-demo-packages-'));
  let targets: number;
  try {
    const built = [];
    for (const spec of demoPackageSpecs()) built.push(await buildDemoPackage(spec, work));
    targets = (
      await publishReleases(
        db,
        catalog,
        built.map((p) => ({ file: p.file, custom: p.custom })),
        now,
      )
    ).length;
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  const accounts: DemoAccount[] = [];
  const add = async (role: Role, name: string, email: string, customer: DemoAccount['customer']): Promise<void> => {
    const password = demoPassword();
    await createAccount(db, { email, name, role, customerId: customer?.id ?? null, password }, now);
    accounts.push({ email, password, role, name, customer });
  };

  await seedDemoRegions(db, commandLineActor(), now);
  const today = calendarDateAt(now, 'UTC');
  const customers: DemoSeedResult['customers'] = [];
  // Both contracts started 200 days ago: the Support one 90 days after its shipment, the other on its purchase order.
  const demoStart = (tier: Tier, customerId: string): Pick<Contract, 'startDate' | 'startBasis'> =>
    tier === 'upgrade-support'
      ? resolveContractStart({ start: addDays(today, -200) }, customerId)
      : resolveContractStart({ shippedOn: addDays(today, -200 - NEW_SERVICE_START_AFTER_SHIPMENT_DAYS) }, customerId);
  for (const c of DEMO_CUSTOMERS) {
    await createCustomer(db, { id: c.id, name: c.name });
    await createContract(db, {
      id: c.contractId,
      customerId: c.id,
      tier: c.tier,
      region: 'EMEA',
      timeZone: 'Europe/Berlin',
      ...demoStart(c.tier, c.id),
      endDate: addDays(today, 165),
      systems: c.systems.map(({ serialNumber, product, location }) => ({ serialNumber, product, location })),
      licensedMajors: c.licensedMajors,
    });
    for (const s of c.systems) {
      await setInstalledVersion(
        db,
        {
          serialNumber: s.serialNumber,
          product: s.product,
          installedVersion: s.installedVersion,
          platform: 'linux-x64',
        },
        now,
      );
    }
    const customer = { id: c.id, name: c.name, tier: c.tier };
    await add('customer-admin', `${c.name} admin`, `admin@${c.domain}`, customer);
    await add('it-staff', `${c.name} IT staff`, `it@${c.domain}`, customer);
    customers.push({
      id: c.id,
      name: c.name,
      tier: c.tier,
      contractId: c.contractId,
      systems: c.systems.map(({ serialNumber, product, installedVersion }) => ({
        serialNumber,
        product,
        installedVersion,
      })),
    });
  }
  await add('engineer', 'TAC engineer', `engineer@${VENDOR_DOMAIN}`, null);
  await add('portal-admin', 'Portal administrator', `admin@${VENDOR_DOMAIN}`, null);
  await seedDemoCommunity(db, now);
  return { accounts, customers, targets };
}
