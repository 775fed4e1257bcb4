/**
 * The back office walked as the vendor's service desk would: a new customer, a region whose calendar has a holiday
 * on the next working day and a working day moved onto a weekend, a contract from a shipment date with a covered
 * system and its renewal, and a customer admin account. The new customer's P4 request, accepted before that
 * holiday, comes due at the close of the first working day after it; once closed, the survey e-mail reaches a real
 * SMTP server, its link is answered in the browser once, and the SLA and survey reports count it.
 */
import { test, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linkIn, TestSmtp } from '../integration/portal-admin/mail-support.js';
import { violations } from './axe.js';
import { loaded } from './loaded.js';
import { signInAs } from './sign-in.js';
import { SHOTS } from './spec-host.js';
import { startHost, type RunningHost } from './web-host.js';

// Tokyo keeps no daylight saving: the close of business there is always 09:00 UTC, easy to state independently.
const ZONE = 'Asia/Tokyo';
const CLOSES_UTC_HOUR = 9;

const CUSTOMER = { id: 'e2e-lumen', name: 'Lumen Rail E2E' };
const REGION = { id: 'JP-E2E', name: 'Japan (walk)' };
const CONTRACT = 'LR-SUP-E2E';
const RENEWAL = 'LR-SUP-E2E-2';
const SERIAL = 'LR-ATL-0001';
const ADMIN_EMAIL = 'admin@lumen-rail.example';

/** Calendar arithmetic on YYYY-MM-DD dates, kept apart from the product's own. */
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (date: string, n: number) => iso(new Date(day(date).getTime() + n * 86_400_000));
const weekday = (date: string) => day(date).getUTCDay();
const isWeekend = (date: string) => weekday(date) === 0 || weekday(date) === 6;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec'];
/** A date as the console writes it in English ("27 Nov 2026"). */
const shown = (date: string) =>
  new RegExp(`\\b${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}\\b`);

function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date())
    .slice(0, 10);
}

interface Plan {
  today: string;
  holiday: string;
  movedWorkday: string;
  due: string;
  year: number;
}

/** The holiday on Tokyo's next working day, a Saturday worked in the same year, and the day the P4 falls due. */
function plan(): Plan {
  const today = todayIn(ZONE);
  let holiday = plusDays(today, 1);
  while (isWeekend(holiday)) holiday = plusDays(holiday, 1);
  const year = Number(holiday.slice(0, 4));
  let movedWorkday = plusDays(holiday, 1);
  while (weekday(movedWorkday) !== 6) movedWorkday = plusDays(movedWorkday, 1);
  // Near the year's end the next Saturday is in another year: take the one before the holiday instead.
  if (Number(movedWorkday.slice(0, 4)) !== year) movedWorkday = plusDays(movedWorkday, -7);
  let due = plusDays(holiday, 1);
  while (isWeekend(due) && due !== movedWorkday) due = plusDays(due, 1);
  return { today, holiday, movedWorkday, due, year };
}

let host: RunningHost;
const smtp = new TestSmtp();
const when = plan();
let portalUrl = '';
let adminPassword = '';
let requestId = '';
let surveyLink = '';

test.describe.configure({ mode: 'serial' });
// The browser reads times in the region's zone, so the due time it shows is the region's close of business.
test.use({ timezoneId: ZONE });

test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await smtp.start();
  host = await startHost({ HICARE_SMTP_URL: smtp.url });
  const state = JSON.parse(readFileSync(join(host.home, 'demo-portal', 'demo-accounts.json'), 'utf8')) as {
    url: string;
  };
  portalUrl = state.url.replace(/\/$/, '');
});

test.afterEach(async ({ page: _page }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach('web-host output', { body: host.output(), contentType: 'text/plain' });
  }
});

test.afterAll(async () => {
  await host?.stop();
  await smtp.stop();
});

const at = (route: string) => `${new URL(host.openUrl).origin}/#/${route}`;

/** A screenshot of the console screen as it is, and its axe check. */
async function shotAndAxe(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/console-${name}.png`, fullPage: true });
  expect(await violations(page), name).toEqual([]);
}

async function portal<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const reply = await fetch(`${portalUrl}${path}`, {
    method,
    headers: {
      ...(token === null ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(method === 'POST' && path === '/api/v1/requests' ? { 'idempotency-key': `walk-${Date.now()}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await reply.text();
  if (!reply.ok) throw new Error(`${method} ${path}: ${reply.status} ${text.slice(0, 400)}`);
  return JSON.parse(text) as T;
}

async function signInToPortal(email: string, password: string): Promise<string> {
  return (await portal<{ token: string }>('POST', '/api/v1/sessions', null, { email, password })).token;
}

function demoPassword(email: string): string {
  const state = JSON.parse(readFileSync(join(host.home, 'demo-portal', 'demo-accounts.json'), 'utf8')) as {
    accounts: { email: string; password: string }[];
  };
  const account = state.accounts.find((a) => a.email === email);
  if (account === undefined) throw new Error(`no demo account ${email}`);
  return account.password;
}

test('the service desk sets up a customer, a region, a contract with a system, its renewal and an account', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signInAs(host, page, 'Portal administrator');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Back office' }).click();
  await expect(page).toHaveURL(/#\/console/);

  // A customer.
  await page.goto(at('console/customers'));
  await loaded(page, page.getByTestId('customers-list'));
  await page.getByTestId('customers-new-name').fill(CUSTOMER.name);
  await page.getByTestId('customers-new-id').fill(CUSTOMER.id);
  await page.getByTestId('customers-new-submit').click();
  await expect(page.getByTestId('customers-new-done')).toContainText(CUSTOMER.name);
  await expect(page.getByTestId('customers-list')).toContainText(CUSTOMER.name);
  await shotAndAxe(page, 'customers');

  // A region with this year's calendar: a holiday on the next working day, a Saturday worked.
  await page.goto(at('console/regions'));
  await loaded(page, page.getByTestId('regions-list'));
  await page.getByTestId('regions-create-id').fill(REGION.id);
  await page.getByTestId('regions-create-name').fill(REGION.name);
  await page.getByTestId('regions-create-submit').click();
  await expect(page.getByTestId('regions-create-done')).toContainText(REGION.id);
  await shotAndAxe(page, 'regions');
  await page.getByTestId('regions-list').getByRole('link', { name: REGION.id }).click();
  await loaded(page, page.getByTestId('regions-calendars'));
  await page.getByTestId('regions-year-add').click();
  const year = page.getByTestId('regions-year-form');
  await year.getByTestId('regions-year').fill(String(when.year));
  await year.getByTestId('regions-time-zone').fill(ZONE);
  await year.getByTestId('regions-opens').fill('09:00');
  await year.getByTestId('regions-closes').fill('18:00');
  await year.getByTestId('regions-holidays').fill(when.holiday);
  await year.getByTestId('regions-working-weekends').fill(when.movedWorkday);
  await year.getByTestId('regions-year-save').click();
  const saved = page.getByTestId(`regions-year-${when.year}`);
  await expect(saved).toContainText(ZONE);
  await expect(saved).toContainText(when.movedWorkday);
  await shotAndAxe(page, 'region');

  // A contract from a shipment 100 days ago: it started 90 days after shipment, so it is active today.
  const shippedOn = plusDays(when.today, -100);
  const startDate = plusDays(shippedOn, 90);
  const endDate = plusDays(startDate, 364);
  await page.goto(at('console/contracts'));
  await loaded(page, page.getByTestId('contracts-list'));
  const create = page.getByTestId('contracts-create');
  await create.getByTestId('contracts-create-id').fill(CONTRACT);
  await create.getByTestId('contracts-create-customerId').fill(CUSTOMER.id);
  await create.getByTestId('contracts-create-region').fill(REGION.id);
  await create.getByTestId('contracts-create-timeZone').fill(ZONE);
  await create.getByTestId('contracts-create-basis-shipment').check();
  await create.getByTestId('contracts-create-shippedOn').fill(shippedOn);
  await create.getByTestId('contracts-create-endDate').fill(endDate);
  await create.getByTestId('contracts-create-licensed').fill('atlas=2');
  await create.getByTestId('contracts-create-submit').click();
  await expect(page.getByTestId('contracts-create-done')).toContainText(CONTRACT);
  const row = page.getByTestId('contracts-list').getByRole('row').filter({ hasText: CONTRACT });
  await expect(row).toContainText('90 days after shipment');
  await shotAndAxe(page, 'contracts');

  // Its covered system.
  await page.goto(at('console/systems'));
  await loaded(page, page.getByTestId('systems-new'));
  await page.getByTestId('systems-new-contract').fill(CONTRACT);
  await page.getByTestId('systems-new-serial').fill(SERIAL);
  await page.getByTestId('systems-new-product').fill('atlas');
  await page.getByTestId('systems-new-location').fill('Lumen Rail depot, signal room');
  await page.getByTestId('systems-new-installed').fill('1.4.2');
  await page.getByTestId('systems-new-submit').click();
  await expect(page.getByTestId('systems-new-done')).toContainText(SERIAL);
  await shotAndAxe(page, 'systems');

  // The contract's record: started 90 days after shipment, active, with the system; then its renewal.
  await page.goto(at(`console/contracts/${CONTRACT}`));
  await loaded(page, page.getByTestId('contracts-record'));
  await expect(page.getByTestId('contracts-record-start')).toContainText('90 days after shipment');
  await expect(page.getByTestId('contracts-record-start')).toContainText(shown(startDate));
  await expect(page.getByTestId('contracts-record-systems')).toContainText(SERIAL);
  await shotAndAxe(page, 'contract');
  await page.getByTestId('contracts-renew-id').fill(RENEWAL);
  await page.getByTestId('contracts-renew-end').fill(plusDays(endDate, 365));
  await page.getByTestId('contracts-renew-submit').click();
  await expect(page).toHaveURL(new RegExp(`#/console/contracts/${RENEWAL}$`));
  await expect(page.getByRole('heading', { name: RENEWAL, exact: true })).toBeVisible();
  await expect(page.getByTestId('contracts-record-start')).toContainText(shown(plusDays(endDate, 1)));
  await expect(page.getByTestId('contracts-record-chain')).toContainText(CONTRACT);
  await shotAndAxe(page, 'renewal');

  // A customer admin for the new customer, with a generated password shown once.
  await page.goto(at('console/accounts'));
  await loaded(page, page.getByTestId('accounts-list'));
  await page.getByTestId('accounts-new-email').fill(ADMIN_EMAIL);
  await page.getByTestId('accounts-new-name').fill('Lumen Rail admin');
  await page.getByTestId('accounts-new-role').selectOption('customer-admin');
  await page.getByTestId('accounts-new-customer').fill(CUSTOMER.id);
  await page.getByTestId('accounts-new-submit').click();
  await expect(page.getByTestId('accounts-new-done')).toContainText(ADMIN_EMAIL);
  adminPassword = (await page.getByTestId('accounts-new-password-once-value').textContent()) ?? '';
  expect(adminPassword.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId('accounts-list')).toContainText(ADMIN_EMAIL);
  await shotAndAxe(page, 'accounts');
});

test('a P4 request accepted before the holiday falls due at the close of the first working day after it', async ({
  page,
}) => {
  const customer = await signInToPortal(ADMIN_EMAIL, adminPassword);
  const opened = await portal<{ id: string; state: string }>('POST', '/api/v1/requests', customer, {
    serialNumber: SERIAL,
    location: 'Lumen Rail depot, signal room',
    faultDescription: 'Atlas shows a stale timetable after the night update.',
    priority: 'P4',
    alarms: [],
    operationRecords: [],
  });
  expect(opened.state).toBe('submitted');
  requestId = opened.id;

  const engineerEmail = 'engineer@hicare.example';
  const engineer = await signInToPortal(engineerEmail, demoPassword(engineerEmail));
  const accepted = await portal<{ state: string; sla: { dueAt: string | null } }>(
    'POST',
    `/api/v1/requests/${requestId}/actions`,
    engineer,
    { action: 'accept' },
  );
  expect(accepted.state).toBe('accepted');
  const expectedDue = `${when.due}T${String(CLOSES_UTC_HOUR).padStart(2, '0')}:00:00.000Z`;
  expect(new Date(accepted.sla.dueAt ?? '').toISOString()).toBe(expectedDue);

  // What the engineer's screen shows: the region's next-business-day rule and the due time.
  await signInAs(host, page, 'TAC engineer');
  await page.goto(at(`workspace/${requestId}`));
  const countdown = page.getByTestId('sla-countdown');
  await loaded(page, countdown);
  await expect(page.getByTestId('request-state')).toHaveText('Accepted');
  await expect(page.getByTestId('sla-calendar')).toContainText(REGION.name);
  await expect(countdown).toContainText(shown(when.due));
  await expect(countdown).toContainText(`18:00, ${ZONE}`);
  await page.screenshot({ path: `${SHOTS}/console-p4-request.png`, fullPage: true });
});

test('the request is closed, the survey e-mail arrives and its link is answered once', async ({ page }) => {
  const engineerEmail = 'engineer@hicare.example';
  const engineer = await signInToPortal(engineerEmail, demoPassword(engineerEmail));
  const customer = await signInToPortal(ADMIN_EMAIL, adminPassword);
  const act = (token: string, body: Record<string, unknown>) =>
    portal<{ state: string }>('POST', `/api/v1/requests/${requestId}/actions`, token, body);
  await portal('POST', `/api/v1/requests/${requestId}/messages`, engineer, {
    body: 'Please clear the timetable cache and restart atlas.',
  });
  await act(engineer, { action: 'start-work' });
  await act(engineer, {
    action: 'propose-solution',
    solution: { text: 'Clear the timetable cache, then restart the atlas service.' },
  });
  expect((await act(customer, { action: 'confirm' })).state).toBe('confirmed');
  expect((await act(engineer, { action: 'close' })).state).toBe('closed');

  await expect
    .poll(() => smtp.to(ADMIN_EMAIL).find((m) => m.text.includes('/survey/')) !== undefined, { timeout: 30_000 })
    .toBe(true);
  const mail = smtp.to(ADMIN_EMAIL).find((m) => m.text.includes('/survey/'))!;
  surveyLink = linkIn(mail.text, /http:\/\/127\.0\.0\.1:\d+\/survey\/[A-Za-z0-9_-]+/);

  await page.goto(surveyLink);
  await page.getByRole('radio', { name: /5/ }).check();
  await page.getByLabel(/comment/i).fill('Clear steps, fixed on the first try.');
  await page.screenshot({ path: `${SHOTS}/console-survey.png`, fullPage: true });
  expect(await violations(page), 'survey page').toEqual([]);
  await page.getByRole('button').click();
  await expect(page.locator('body')).toContainText(/thank/i);

  await page.goto(surveyLink);
  await expect(page.locator('body')).toContainText('This survey link was already used');
  await page.screenshot({ path: `${SHOTS}/console-survey-used.png`, fullPage: true });
  expect(await violations(page), 'used survey page').toEqual([]);
});

test('the reports count the P4 as accepted and met, and show the survey answer', async ({ page }) => {
  await signInAs(host, page, 'Portal administrator');
  await page.goto(at('console/reports/sla'));
  await loaded(page, page.getByTestId('reports-filter'));
  // The month the request was accepted in (the reports count by UTC month).
  const month = new Date().toISOString().slice(0, 7);
  await page.getByTestId('reports-from').fill(month);
  await page.getByTestId('reports-to').fill(month);
  await page.getByTestId('reports-customer').fill(CUSTOMER.id);
  await page.getByTestId('reports-show').click();
  const p4 = page
    .getByTestId('reports-row-sla')
    .filter({ has: page.locator('[data-column="priority"]', { hasText: 'P4' }) });
  await expect(p4.locator('[data-column="accepted"]')).toHaveText('1');
  await expect(p4.locator('[data-column="met"]')).toHaveText('1');
  await shotAndAxe(page, 'reports-sla');

  await page.getByTestId('reports-kind-surveys').click();
  await page.getByTestId('reports-customer').fill(CUSTOMER.id);
  await page.getByTestId('reports-show').click();
  await expect(page.getByTestId('reports-table-comments')).toContainText('Clear steps, fixed on the first try.');
  await shotAndAxe(page, 'reports-surveys');

  // The survey invitation in the outbox, and every change of the walk in the audit trail.
  await page.goto(at('console/mail'));
  await expect(page.getByText(ADMIN_EMAIL).first()).toBeVisible();
  await shotAndAxe(page, 'mail');
  await page.goto(at('console/audit'));
  await expect(page.getByText(CONTRACT).first()).toBeVisible();
  await shotAndAxe(page, 'audit');
});

test('the vendor drafts an article, revises it, meets a stale save, publishes and withdraws it', async ({ page }) => {
  const id = 'walk-disk-full';
  await signInAs(host, page, 'Portal administrator');
  await page.goto(at('console/articles'));
  await loaded(page, page.getByTestId('articles-list'));
  await page.getByTestId('articles-create-id').fill(id);
  await page.getByTestId('articles-create-title').fill('Installer stops: disk full');
  await page.getByTestId('articles-create-kind').selectOption('known-issue');
  await page.getByTestId('articles-create-body').fill('# Disk full\n\nFree 2 GB and run the installer again.');
  await page.getByTestId('articles-create-exit-codes').fill('3, 4');
  await page.getByTestId('articles-create-submit').click();
  await expect(page.getByTestId('articles-create-done')).toContainText(id);
  await page.getByTestId('articles-filter-state').selectOption('draft');
  await expect(page.getByTestId('articles-list').getByRole('link', { name: id })).toBeVisible();
  await shotAndAxe(page, 'articles');

  await page.getByTestId('articles-list').getByRole('link', { name: id }).click();
  await loaded(page, page.getByTestId('articles-record-revisions'));
  await expect(page.getByTestId('articles-record-state')).toHaveText('Draft');
  await page.getByTestId('articles-edit-body').fill('Free at least 2 GB on the system disk.');
  await page.getByTestId('articles-edit-note').fill('Says how much');
  await page.getByTestId('articles-edit-save').click();
  await expect(page.getByTestId('articles-record-done')).toHaveText('Revision 2 is saved.');
  await expect(page.getByTestId('articles-record-body')).toHaveText('Free at least 2 GB on the system disk.');

  // Someone else saves revision 3 while this editor still stands on revision 2.
  const token = await signInToPortal('admin@hicare.example', demoPassword('admin@hicare.example'));
  await portal('PUT', `/api/v1/admin/articles/${id}`, token, {
    kind: 'known-issue',
    product: null,
    versions: null,
    title: 'Installer stops: disk full',
    body: 'Saved by a colleague.',
    baseRevision: 2,
  });
  await page.getByTestId('articles-edit-title').fill('My retitle');
  await page.getByTestId('articles-edit-save').click();
  await expect(page.getByTestId('articles-edit-error')).toContainText('Someone saved article "walk-disk-full"');

  await page.reload();
  await loaded(page, page.getByTestId('articles-record-revisions'));
  await expect(page.getByTestId('articles-record-revision')).toHaveCount(3);
  await page.getByTestId('articles-revision-view').last().click();
  await expect(page.getByTestId('articles-revision-shown')).toContainText('Free 2 GB and run the installer again.');
  await page.getByTestId('articles-record-publish').click();
  await expect(page.getByTestId('articles-record-state')).toHaveText('Published');
  await expect(page.getByTestId('articles-record-published')).toHaveText('3');
  await shotAndAxe(page, 'article');

  await page.getByTestId('articles-withdraw-reason').fill('Fixed in the next release');
  await page.getByTestId('articles-withdraw-submit').click();
  await expect(page.getByTestId('articles-record-state')).toHaveText('Withdrawn');
  await expect(page.getByTestId('articles-record-withdrawn')).toContainText('Fixed in the next release');
  await shotAndAxe(page, 'article-withdrawn');
});
