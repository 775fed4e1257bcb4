/**
 * The Settings screen's e-mail choices and the console's outbox, through the app API on a real demo portal: the
 * choice is the portal's (what the sender reads), a bad kind is refused with nothing changed, and the outbox is the
 * portal administrator's alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailPreferences } from '../../../portal/mail/preferences.js';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { appOn, type AppUnderTest } from './app-harness.js';

const CUSTOMER = 'admin@contoso.example';
const VENDOR_ADMIN = 'admin@hicare.example';

let demo: DemoPortal;
let app: AppUnderTest;

async function signIn(email: string) {
  await app.call('session.signIn', { email, password: demo.password(email) });
}

async function storedChoices(email: string) {
  const account = await demo.portal.db
    .selectFrom('accounts')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return (await mailPreferences(demo.portal.db, account.id)).kinds;
}

const ALL_ON = {
  'survey-invitation': true,
  'request-update': true,
  'sla-at-risk': true,
  'contract-expiring': true,
};

beforeAll(async () => {
  demo = await startDemoPortal();
  app = await appOn(demo, { firstCheckDelayMs: 3_600_000 });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await demo?.close();
});

describe('e-mail choices', () => {
  it('asks to sign in first when no one is signed in', async () => {
    const error = await app.refused('mail.preferences', {});
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.any(String), remedy: expect.any(String) });
  });

  it('turns one kind off on the portal and leaves the others as they were', async () => {
    await signIn(CUSTOMER);
    expect((await app.call('mail.preferences', {})).kinds).toEqual(ALL_ON);

    const answer = await app.call('mail.setPreferences', { kinds: { 'survey-invitation': false } });
    expect(answer.kinds).toEqual({ ...ALL_ON, 'survey-invitation': false });
    expect(await storedChoices(CUSTOMER)).toEqual({ ...ALL_ON, 'survey-invitation': false });

    await app.call('mail.setPreferences', { kinds: { 'survey-invitation': true } });
    expect(await storedChoices(CUSTOMER)).toEqual(ALL_ON);
  });

  it('refuses a kind that does not exist, and changes nothing', async () => {
    await app.call('mail.setPreferences', { kinds: { 'request-update': false } });
    const error = await app.refused('mail.setPreferences', { kinds: { newsletter: false, 'sla-at-risk': false } });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).not.toBe('');
    expect(error.remedy).not.toBe('');
    expect(`${error.message} ${error.remedy}`).not.toMatch(/zod|ZodError|Invalid enum/i);
    expect(await storedChoices(CUSTOMER)).toEqual({ ...ALL_ON, 'request-update': false });
  });
});

describe('the console’s outbox', () => {
  it('is refused to a customer admin', async () => {
    await signIn(CUSTOMER);
    const error = await app.refused('console.call', { endpoint: 'adminMailOutbox', query: {} });
    expect(error.code).toBe('FORBIDDEN');
  });

  it('lists the outbox for the portal administrator and names an unknown mail as not found', async () => {
    await signIn(VENDOR_ADMIN);
    const page = (await app.call('console.call', { endpoint: 'adminMailOutbox', query: { limit: 5 } })) as {
      items: unknown[];
      total: number;
      limit: number;
    };
    expect(page).toMatchObject({ offset: 0, limit: 5 });
    expect(page.items.length).toBeLessThanOrEqual(5);

    const error = await app.refused('console.call', { endpoint: 'adminMailRetry', params: { id: 'no-such-mail' } });
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String), remedy: expect.any(String) });
  });
});
