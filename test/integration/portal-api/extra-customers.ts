/**
 * Customers beyond the demo's two, added straight into a running test portal's database: how the tests reach
 * contract states the demo never has (not started yet, already ended) without building another portal.
 */
import type { Contract } from '../../../shared/domain/contract.js';
import { createAccount } from '../../../portal/accounts/index.js';
import { createContract } from '../../../portal/db/contracts.js';
import { createCustomer } from '../../../portal/db/customers.js';
import { setInstalledVersion } from '../../../portal/db/installed-versions.js';
import type { TestPortal } from './harness.js';

export interface ExtraSystem {
  serialNumber: string;
  product: string;
  installedVersion: string;
}

export interface ExtraCustomer {
  id: string;
  name: string;
  tier: Contract['tier'];
  startDate: string;
  endDate: string;
  licensedMajors: Record<string, number>;
  systems: ExtraSystem[];
}

/** Creates the customer, its one contract, its systems (installed on linux-x64) and an IT staff account; returns that account's e-mail and password. */
export async function addCustomer(
  t: TestPortal,
  c: ExtraCustomer,
): Promise<{ email: string; password: string; contractId: string }> {
  const db = t.portal.db;
  const contractId = `${c.id.toUpperCase()}-CONTRACT`;
  await createCustomer(db, { id: c.id, name: c.name });
  await createContract(db, {
    id: contractId,
    customerId: c.id,
    tier: c.tier,
    region: 'EMEA',
    timeZone: 'Europe/Berlin',
    startDate: c.startDate,
    endDate: c.endDate,
    systems: c.systems.map((s) => ({
      serialNumber: s.serialNumber,
      product: s.product,
      location: `${c.name}, plant 1`,
    })),
    licensedMajors: c.licensedMajors,
  });
  for (const s of c.systems) {
    await setInstalledVersion(
      db,
      { serialNumber: s.serialNumber, product: s.product, installedVersion: s.installedVersion, platform: 'linux-x64' },
      t.clock.now,
    );
  }
  const email = `it@${c.id}.example`;
  const password = `${c.id} staff password 2026`;
  await createAccount(
    db,
    { email, name: `${c.name} IT staff`, role: 'it-staff', customerId: c.id, password },
    t.clock.now,
  );
  return { email, password, contractId };
}

/** A session token for an account made here (the harness only knows the demo's passwords). */
export async function signInWith(t: TestPortal, email: string, password: string): Promise<string> {
  const reply = await t.request<{ token: string }>('POST', '/api/v1/sessions', { body: { email, password } });
  if (reply.status !== 200) throw new Error(`sign-in of ${email} failed: ${reply.status}`);
  return reply.body.token;
}
