/**
 * Entitlement statements for offline bundles, as IT staff ask for them: signed with the timestamp key the root
 * names, each target listing exactly the systems the verdict allows it for, and every request the verdict or the
 * contract would refuse refused with its coded reason and no statement.
 */
import { createPublicKey, verify } from 'node:crypto';
import { canonicalize } from '@tufjs/canonical-json';
import { beforeAll, expect, it } from 'vitest';
import { SignedStatementSchema, type SignedStatement } from '../../../shared/contracts/bundle.js';
import { coded, ENGINEER, describePortal, NW_ADMIN, NW_IT, SEED_TIME } from './harness.js';
import { catalogTarget } from './package-checks.js';
import { addCustomer, signInWith } from './extra-customers.js';
import { createContract } from '../../../portal/db/contracts.js';

const ATLAS_190 = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
const ATLAS_200 = 'atlas/2.0.0/linux-x64/atlas-2.0.0-linux-x64.tar.gz';
const COBALT_421 = 'cobalt/4.2.1/linux-x64/cobalt-4.2.1-linux-x64.tar.gz';
const PATH = '/api/v1/bundles/statements';

interface RootJson {
  signed: {
    keys: Record<string, { keyval: { public: string } }>;
    roles: Record<string, { keyids: string[]; threshold: number }>;
  };
}

/** Whether the statement carries enough valid signatures of the root's timestamp role. */
function signedByTimestampRole(statement: SignedStatement, root: RootJson): boolean {
  const role = root.signed.roles['timestamp'];
  if (role === undefined) return false;
  const data = Buffer.from(canonicalize(statement.signed));
  const valid = new Set<string>();
  for (const { keyid, sig } of statement.signatures) {
    const hex = role.keyids.includes(keyid) ? root.signed.keys[keyid]?.keyval.public : undefined;
    if (hex === undefined) continue;
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
      format: 'jwk',
    });
    if (verify(null, data, key, Buffer.from(sig, 'hex'))) valid.add(keyid);
  }
  return valid.size >= role.threshold;
}

describePortal('entitlement statements for offline bundles', (t) => {
  let it1 = '';
  let root: RootJson;

  beforeAll(async () => {
    it1 = await t.signIn(NW_IT);
    root = (await t.request<RootJson>('GET', '/tuf/root.json')).body;
  });

  it('signs which systems may take which packages, until when, with the root’s timestamp key', async () => {
    const reply = await t.request<SignedStatement>('POST', PATH, {
      token: it1,
      body: { serials: ['NW-ATL-0001', 'NW-COB-0001'], targets: [ATLAS_190, COBALT_421], validDays: 30 },
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const statement = SignedStatementSchema.parse(reply.body);
    const atlas = await catalogTarget(t, it1, ATLAS_190);
    expect(statement.signed).toMatchObject({
      _type: 'hicare-entitlement-statement',
      portal: new URL(t.url).origin,
      contract: { id: 'NW-SUP-2026' },
      serials: ['NW-ATL-0001', 'NW-COB-0001'],
      issuedAt: SEED_TIME.toISOString().replace('.000Z', 'Z'),
      validUntil: new Date(SEED_TIME.getTime() + 30 * 86_400_000).toISOString().replace('.000Z', 'Z'),
    });
    expect(statement.signed.targets).toEqual([
      { name: ATLAS_190, length: atlas.length, sha256: atlas.sha256, serials: ['NW-ATL-0001'] },
      expect.objectContaining({ name: COBALT_421, serials: ['NW-COB-0001'] }),
    ]);
    expect(signedByTimestampRole(statement, root)).toBe(true);
    // One changed word and the signature no longer holds.
    const forged = { ...statement, signed: { ...statement.signed, serials: ['NW-ATL-0001', 'CG-ATL-0001'] } };
    expect(signedByTimestampRole(forged, root)).toBe(false);
  });

  it('is for customer admins too, and holds for the targets metadata’s lifetime by default', async () => {
    const reply = await t.request<SignedStatement>('POST', PATH, {
      token: await t.signIn(NW_ADMIN),
      body: { serials: ['NW-ATL-0001'], targets: [ATLAS_190] },
    });
    expect(reply.status).toBe(200);
    const days = (Date.parse(reply.body.signed.validUntil) - Date.parse(reply.body.signed.issuedAt)) / 86_400_000;
    expect(days).toBe(90);
  });

  it('refuses a release the contract does not allow with the verdict’s reason', async () => {
    const reply = await t.request('POST', PATH, {
      token: it1,
      body: { serials: ['NW-ATL-0001'], targets: [ATLAS_190, ATLAS_200] },
    });
    expect(reply.status).toBe(403);
    expect(coded(reply).code).toBe('UPGRADE_REQUIRES_UPGRADE_SUPPORT');
  });

  it('refuses another customer’s system as not found, and a package for none of the systems', async () => {
    const other = await t.request('POST', PATH, {
      token: it1,
      body: { serials: ['CG-ATL-0001'], targets: [ATLAS_190] },
    });
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toMatch(/Contoso|CG-UPS/);
    const forNone = await t.request('POST', PATH, {
      token: it1,
      body: { serials: ['NW-COB-0001'], targets: [ATLAS_190] },
    });
    expect(forNone.status).toBe(400);
    expect(coded(forNone)).toMatchObject({ code: 'INVALID_INPUT', key: 'INVALID_INPUT.statementTargetForNone' });
  });

  it('refuses a serial no package is for, an unknown package, and a validity past a year', async () => {
    const unused = await t.request('POST', PATH, {
      token: it1,
      body: { serials: ['NW-ATL-0001', 'NW-BCN-0001'], targets: [ATLAS_190] },
    });
    expect(coded(unused)).toMatchObject({ key: 'INVALID_INPUT.statementSerialUnused' });
    expect(coded(unused).message).toContain('NW-BCN-0001');
    const unknown = await t.request('POST', PATH, {
      token: it1,
      body: { serials: ['NW-ATL-0001'], targets: ['atlas/9.9.9/linux-x64/atlas-9.9.9-linux-x64.tar.gz'] },
    });
    expect(unknown.status).toBe(404);
    const long = await t.request('POST', PATH, {
      token: it1,
      body: { serials: ['NW-ATL-0001'], targets: [ATLAS_190], validDays: 366 },
    });
    expect(long.status).toBe(400);
    expect(coded(long).code).toBe('INVALID_INPUT');
  });

  it('refuses systems served under two contracts: a bundle is for one contract', async () => {
    const customer = await addCustomer(t, {
      id: 'fabrikam',
      name: 'Fabrikam Water',
      tier: 'support',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      licensedMajors: { atlas: 1 },
      systems: [{ serialNumber: 'FB-ATL-0001', product: 'atlas', installedVersion: '1.4.2' }],
    });
    await createContract(t.portal.db, {
      id: 'FABRIKAM-SECOND',
      customerId: 'fabrikam',
      tier: 'support',
      region: 'EMEA',
      timeZone: 'Europe/Berlin',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      systems: [{ serialNumber: 'FB-ATL-0002', product: 'atlas', location: 'Fabrikam Water, plant 2' }],
      licensedMajors: { atlas: 1 },
    });
    const token = await signInWith(t, customer.email, customer.password);
    const reply = await t.request('POST', PATH, {
      token,
      body: { serials: ['FB-ATL-0001', 'FB-ATL-0002'], targets: [ATLAS_190] },
    });
    expect(reply.status).toBe(400);
    expect(coded(reply)).toMatchObject({ key: 'INVALID_INPUT.statementContracts' });
    expect(coded(reply).message).toContain('FABRIKAM-CONTRACT, FABRIKAM-SECOND');
    const one = await t.request('POST', PATH, { token, body: { serials: ['FB-ATL-0002'], targets: [ATLAS_190] } });
    expect(one.status).toBe(200);
  });

  it('is not for engineers or anyone signed out', async () => {
    const body = { serials: ['CG-ATL-0001'], targets: [ATLAS_190] };
    expect((await t.request('POST', PATH, { body })).status).toBe(401);
    const engineer = await t.request('POST', PATH, { token: await t.signIn(ENGINEER), body });
    expect(engineer.status).toBe(403);
  });
});
