/**
 * Bad input in every form of the app, in a real Chromium against the web host and its demo portal: each refusal is
 * shown where the user looks (the field's own message, tied to it, or the coded error with its remedy), the keyboard
 * lands on what needs correcting, nothing reaches the portal, and the state read back afterwards is as before. On
 * the way, the screens the other journeys do not photograph: the customer's requests, the engineers' queue by time
 * left and a request's diagnostics as the engineer reads them.
 */
import { test, expect, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loaded } from './loaded.js';
import { appCall, expectFieldAccepted, expectFieldProblem, openAs, textOfLength, watchCalls } from './form-checks.js';
import { signOut } from './sign-in.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;
let origin: string;
/** The request sent from the draft; the later forms work on it. */
let requestId = '';

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => {
  host = started;
  origin = new URL(started.openUrl).origin;
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const demoRoot = () => join(host.home, 'demo-portal', 'tuf', '1.root.json');

test('trust: a file that is not JSON, not a TUF root or not there is refused with its code and remedy; the portal root stays trusted', async ({
  page,
}) => {
  const notJson = join(host.home, 'notes.json');
  writeFileSync(notJson, 'root: the one from the vendor\n');
  const notRoot = join(host.home, 'targets.json');
  writeFileSync(notRoot, JSON.stringify({ signed: { _type: 'targets', version: 1, targets: {} }, signatures: [] }));
  const missing = join(host.home, 'nowhere', 'root.json');

  await signOut(host, page);
  const calls = watchCalls(page);
  const panel = page.getByTestId('trust-panel');
  const fingerprint = panel.getByTestId('trust-fingerprint');
  await expect(fingerprint).not.toBeEmpty();
  const trusted = await fingerprint.innerText();
  const field = panel.getByLabel('Trust a root file (root.json)');

  await field.press('Enter');
  await expectFieldProblem(field, "Enter the path of the portal's root.json.");
  await expect(field).toBeFocused();
  expect(calls('trust.set')).toBe(0);

  const refused = panel.getByTestId('trust-error');
  for (const [file, what, code] of [
    [notJson, `${notJson} is not JSON.`, 'TRUST_ROOT_INVALID'],
    [notRoot, `${notRoot} is not TUF root metadata.`, 'TRUST_ROOT_INVALID'],
    [missing, `There is no trust root at ${missing}.`, 'NOT_FOUND'],
  ] as const) {
    await field.fill(file);
    await field.press('Enter');
    await expect(refused).toContainText(what);
    await expect(refused).toContainText("Choose the portal's root.json under Trusted root");
    await expect(refused.locator('.error-code')).toHaveText(code);
    await expectFieldProblem(field, what);
    await expect(field).toBeFocused();
    await expect(fingerprint).toHaveText(trusted);
  }
  await expect(panel).not.toContainText('Root trusted.');

  // Nothing was kept: after a reload the same root is in force (the next test signs in under it).
  await page.reload();
  await expect(fingerprint).toHaveText(trusted);
});

test('sign-in: an empty e-mail or a portal address that is not one is caught by its field; an unreachable portal answers OFFLINE with its remedy; corrected, it signs in', async ({
  page,
}) => {
  await signOut(host, page);
  const calls = watchCalls(page);
  const portal = page.getByLabel('Portal URL');
  await expect(portal).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/);
  const demoPortal = await portal.inputValue();
  const email = page.getByLabel('E-mail');
  const password = page.getByLabel('Password');

  await password.fill('a password of some sort');
  await password.press('Enter');
  await expectFieldProblem(email, 'Enter the e-mail address of your portal account.');
  await expect(email).toBeFocused();
  await expectFieldAccepted(password);
  expect(calls('session.signIn')).toBe(0);

  await page.getByRole('button', { name: 'Use Northwind Utilities admin' }).click();
  await expectFieldAccepted(email);
  await portal.fill('portal.northwind.example');
  await password.press('Enter');
  await expectFieldProblem(
    portal,
    "Enter the portal's web address, starting with https://, such as https://portal.example.com.",
  );
  await expect(portal).toBeFocused();
  expect(calls('session.signIn')).toBe(0);
  // Port 9 (discard) has no listener on loopback: the connection is refused at once.
  await portal.fill('http://127.0.0.1:9');
  await password.press('Enter');
  const refused = page.getByTestId('sign-in-error');
  await expect(refused).toContainText('The portal at http://127.0.0.1:9 cannot be reached');
  await expect(refused).toContainText(
    'Check your network connection, proxy settings and the portal address, then try again.',
  );
  await expect(refused.locator('.error-code')).toHaveText('OFFLINE');
  await expectFieldProblem(portal, /cannot be reached/);
  await expect(portal).toBeFocused();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);

  await portal.fill(demoPortal);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText('Northwind Utilities admin');
});

test('request draft: an empty or over-long location or fault description is caught by its field, and nothing is sent until both are right', async ({
  page,
}) => {
  await openAs(host, page, 'Northwind Utilities admin', '#/requests');
  await expect(page.getByTestId('open-requests')).toContainText('No open request.');
  const calls = watchCalls(page);

  await page.goto(`${origin}/#/systems/NW-COB-0001`);
  const install = page.getByRole('link', { name: 'Install Cobalt 4.2.1 on NW-COB-0001' });
  await loaded(page, install);
  await install.click();
  await page.getByRole('button', { name: 'Start installation' }).click();
  await expect(page.getByTestId('install-failure')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Request remote guidance' }).click();
  const location = page.getByLabel('Equipment location');
  const description = page.getByLabel('Fault description');
  const send = page.getByRole('button', { name: 'Send request' });
  const summary = page.getByTestId('send-error');
  // Filled from the contract and the failure; the customer may correct both.
  await expect(location).toHaveValue('Northwind substation 7', { timeout: 15_000 });
  await expect(description).toHaveValue(/ERROR 1603/);
  const described = await description.inputValue();

  await location.fill('');
  await description.fill('  \n  ');
  await send.click();
  await expectFieldProblem(location, 'Enter the equipment location: it cannot be empty.');
  await expectFieldProblem(description, 'Enter the fault description: it cannot be empty.');
  await expect(location).toBeFocused();
  await expect(summary).toContainText(
    'The request is missing the equipment location and the description of the fault.',
  );
  await expect(summary).toContainText('Fill in every required field before submitting the request.');
  await expect(summary.locator('.error-code')).toHaveText('REQUEST_FIELD_MISSING');

  await location.fill(textOfLength(201));
  await expectFieldAccepted(location);
  await description.fill(textOfLength(20_001));
  // Enter in the location field sends the form, as in any form.
  await location.press('Enter');
  await expectFieldProblem(location, 'The equipment location can be at most 200 characters; this has 201. Shorten it.');
  await expectFieldProblem(
    description,
    'The fault description can be at most 20,000 characters; this has 20,001. Shorten it.',
  );
  await expect(location).toBeFocused();
  await expect(summary).toContainText('Some fields are longer than a request can carry.');
  expect(calls('requests.submit')).toBe(0);
  await expect(page.getByTestId('submit-outcome')).toHaveCount(0);

  await location.fill('Northwind substation 7, cabinet 3');
  await description.fill(described);
  await send.click();
  await expect(page.getByTestId('submit-outcome')).toContainText('Sent as request');
  expect(calls('requests.submit')).toBe(1);
  requestId = decodeURIComponent(
    (await page.getByRole('link', { name: 'Follow it' }).getAttribute('href'))?.split('/').pop() ?? '',
  );
  await nav(page).getByRole('link', { name: 'Requests' }).click();
  const rows = page.getByTestId('open-requests-table').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('NW-COB-0001');
});

test("screens: the customer's requests, the engineers' queue by time left, and a request's diagnostics", async ({
  page,
}) => {
  // Two more requests, of other priorities, as the app's API takes them: no install failed for these.
  const more = [
    {
      serialNumber: 'NW-ATL-0001',
      location: 'Northwind Plant 1, control room',
      priority: 'P1',
      faultDescription: 'Atlas stopped polling the substations at 06:10; the operators have no live values.',
    },
    {
      serialNumber: 'NW-BCN-0001',
      location: 'Northwind Plant 1, alarm desk',
      priority: 'P4',
      faultDescription: 'How do we export the alarm history of one month to CSV?',
    },
  ];
  await openAs(host, page, 'Northwind Utilities admin', '#/requests');
  for (const request of more) await appCall(host, 'requests.submit', { request, idempotencyKey: randomUUID() });
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByTestId('open-requests-table').locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/requests.png`, fullPage: true });

  await openAs(host, page, 'TAC engineer', '#/workspace');
  const queue = page.getByTestId('queue-table').locator('tbody tr');
  // A P1 is accepted by the portal on arrival, so its clock runs: it leads; the others wait for acceptance.
  await expect(queue).toHaveCount(3);
  await expect(queue.nth(0)).toContainText('NW-ATL-0001');
  await expect(queue.nth(0).getByTestId('sla-countdown')).toContainText(/\d+ min \d+ s left/);
  await queue.filter({ hasText: 'NW-COB-0001' }).getByRole('link').click();
  await expect(page.getByTestId('engineer-diagnostics')).toContainText('ERROR 1603');
  await expect(page.getByTestId('request-header')).toContainText('Northwind substation 7, cabinet 3');
  await page.screenshot({ path: `${SHOTS}/workspace-request.png`, fullPage: true });
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Accepted');
  await page.getByRole('button', { name: 'Start work' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('In progress');

  await nav(page).getByRole('link', { name: 'Engineer workspace' }).click();
  await expect(queue).toHaveCount(2);
  await expect(queue.nth(0)).toContainText('P1');
  await expect(queue.nth(1)).toContainText('P4');
  await expect(page.getByTestId('mine-table').locator('tbody tr')).toContainText(/P3.*\d+ h \d+ min left/);
  await page.screenshot({ path: `${SHOTS}/workspace.png`, fullPage: true });
});

test('message: empty, blank and over-long messages are caught by the field and never sent', async ({ page }) => {
  await openAs(host, page, 'TAC engineer', `#/workspace/${requestId}`);
  const calls = watchCalls(page);
  const box = page.getByLabel('Your message');

  await page.getByRole('button', { name: 'Send message' }).click();
  await expectFieldProblem(box, 'Enter your message: it cannot be empty.');
  await expect(box).toBeFocused();
  await box.fill('  \n\t  ');
  await box.press('Control+Enter');
  await expectFieldProblem(box, 'Enter your message: it cannot be empty.');
  await box.fill(textOfLength(20_001));
  await box.press('Control+Enter');
  await expectFieldProblem(box, 'Your message can be at most 20,000 characters; this has 20,001. Shorten it.');
  expect(calls('requests.message')).toBe(0);

  await page.reload();
  await expect(page.getByTestId('messages')).toContainText('No messages yet.');
  await box.fill('Stop cobalt-agent, delete the stale pid file, then install again.');
  await box.press('Control+Enter');
  await expect(page.getByTestId('messages').getByRole('listitem')).toHaveCount(1);
  await expect(box).toHaveValue('');
  await page.getByRole('button', { name: 'Propose solution' }).click();
  await page
    .getByLabel('The solution, as the customer should carry it out')
    .fill('Stop cobalt-agent, delete the stale pid file, then install again.');
  await page.getByRole('button', { name: 'Propose this solution' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Solution proposed');
});

test('grant: empty fields, an expiry in the past or past 72 hours, over-long text and a short password are caught, and nothing is granted', async ({
  page,
}) => {
  await openAs(host, page, 'Northwind Utilities admin', `#/requests/${requestId}`);
  const calls = watchCalls(page);
  await page.getByText('Grant the engineer temporary access').click();
  const form = page.getByTestId('grant-form');
  const address = form.getByLabel('Address');
  const account = form.getByLabel('Account');
  const hours = form.getByLabel(/^Expires after/);
  const password = form.getByLabel(/^Password/);

  await hours.fill('');
  await form.getByRole('button', { name: 'Grant access' }).click();
  await expectFieldProblem(address, 'Enter the address the engineer connects to: it cannot be empty.');
  await expectFieldProblem(account, 'Enter the account the engineer signs in with: it cannot be empty.');
  await expectFieldProblem(hours, 'Enter for how many hours the access lasts, from 1 to 72.');
  await expect(address).toBeFocused();

  await address.fill('nw-cob-0001.northwind.example:22');
  await account.fill('tac-guest');
  await hours.fill('-1');
  await account.press('Enter');
  await expectFieldAccepted(address);
  await expectFieldProblem(hours, 'An access that ends now or in the past grants nothing: enter at least 1 hour.');
  await expect(hours).toBeFocused();
  await hours.fill('73');
  await hours.press('Enter');
  await expectFieldProblem(
    hours,
    'Remote access lasts at most 72 hours: enter 72 or fewer, and grant again if more time is needed.',
  );
  await hours.fill('72');
  await expect(hours).toHaveAccessibleDescription(/^Ends .+ unless you revoke it sooner\.$/);

  await address.fill(textOfLength(301));
  await account.fill(textOfLength(129));
  await password.fill('short');
  await password.press('Enter');
  await expectFieldProblem(
    address,
    'The address the engineer connects to can be at most 300 characters; this has 301. Shorten it.',
  );
  await expectFieldProblem(
    account,
    'The account the engineer signs in with can be at most 128 characters; this has 129. Shorten it.',
  );
  await expectFieldProblem(
    password,
    'Use at least 12 characters, or leave the password empty to have a strong one generated.',
  );
  await expect(address).toBeFocused();
  expect(calls('requests.grant')).toBe(0);

  await page.reload();
  await expect(page.getByTestId('request-grants')).toContainText('No remote access has been granted.');
  await page.getByRole('button', { name: 'Confirm: the solution works' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Confirmed');
});

test('survey: no rating and an over-long comment are caught; a second answer, from another window, is refused with its code', async ({
  page,
}) => {
  await openAs(host, page, 'TAC engineer', `#/workspace/${requestId}`);
  await page.getByRole('button', { name: 'Close request' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Closed');

  await openAs(host, page, 'Northwind Utilities admin', `#/requests/${requestId}`);
  const calls = watchCalls(page);
  const survey = page.getByTestId('survey-form');
  const rating = survey.getByRole('radiogroup', { name: 'How satisfied are you with how this request was handled?' });
  const comment = survey.getByLabel('Comment (optional)');
  const send = survey.getByRole('button', { name: 'Send answer' });

  // Enter on a choice sends the form, as in any form.
  await survey.getByRole('radio', { name: /^3/ }).focus();
  await page.keyboard.press('Enter');
  await expectFieldProblem(rating, 'Choose a rating from 1 (very dissatisfied) to 5 (very satisfied).');
  await expect(survey.getByRole('radio', { name: /^1/ })).toBeFocused();
  await survey.getByRole('radio', { name: /^4/ }).check();
  await expectFieldAccepted(rating);
  await comment.fill(textOfLength(5_001));
  await send.click();
  await expectFieldProblem(comment, 'The comment can be at most 5,000 characters; this has 5,001. Shorten it.');
  await expect(comment).toBeFocused();
  expect(calls('requests.survey')).toBe(0);

  // The same request open in a second window is answered there first.
  const other = await page.context().newPage();
  await other.goto(host.openUrl);
  await other.goto(`${origin}/#/requests/${requestId}`);
  await other.getByRole('radio', { name: /^5/ }).check();
  await other.getByRole('button', { name: 'Send answer' }).click();
  await expect(other.getByTestId('survey-answered')).toBeVisible();
  await other.close();

  await comment.fill('Quick and clear.');
  await send.click();
  const refused = survey.getByRole('alert');
  await expect(refused).toContainText('The satisfaction survey of this request has already been answered.');
  await expect(refused).toContainText('Nothing more to do: each request is surveyed once.');
  await expect(refused.locator('.error-code')).toHaveText('ALREADY_EXISTS');
  await page.reload();
  await expect(page.getByTestId('survey-answered')).toBeVisible();
  await expect(page.getByTestId('survey-form')).toHaveCount(0);
});

/* A refused sign-in or root changes nothing of what is trusted and configured. They run last: each signs out. */
test.describe('refusals that leave the trust and the portal as they were', () => {
  test('a sign-in refused as OFFLINE leaves the configured portal as it was', async ({ page }) => {
    await signOut(host, page);
    const portal = page.getByLabel('Portal URL');
    await expect(portal).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/);
    const before = await portal.inputValue();
    await page.getByRole('button', { name: 'Use Northwind Utilities admin' }).click();
    await portal.fill('http://127.0.0.1:9');
    await portal.press('Enter');
    await expect(page.getByTestId('sign-in-error')).toContainText('OFFLINE');
    expect((await appCall<{ portalUrl: string | null }>(host, 'settings.get', {})).portalUrl).toBe(before);
  });

  test("a root of another portal (the vendor's shipped one) or one whose signatures do not verify is refused (checked before the portal is asked); the portal's root stays trusted", async ({
    page,
  }) => {
    const root = JSON.parse(readFileSync(demoRoot(), 'utf8')) as { signatures: { keyid: string; sig: string }[] };
    const forged = join(host.home, 'forged-root.json');
    writeFileSync(
      forged,
      JSON.stringify({
        ...root,
        signatures: root.signatures.map((s) => ({
          ...s,
          sig: s.sig.replace(/^../, (b) => (b === '00' ? '11' : '00')),
        })),
      }),
    );
    await signOut(host, page);
    const panel = page.getByTestId('trust-panel');
    const field = panel.getByLabel('Trust a root file (root.json)');
    const fingerprint = panel.getByTestId('trust-fingerprint');
    const trusted = await fingerprint.innerText();
    for (const file of [join(process.cwd(), 'resources', 'trust', 'root.json'), forged]) {
      await field.fill(file);
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/call/trust.set')), field.press('Enter')]);
      await expect(panel.getByTestId('trust-error').or(panel.getByText('Root trusted.'))).toBeVisible();
      // Read at once: a trusted root would already show its own fingerprint.
      expect(await fingerprint.innerText()).toBe(trusted);
      await expect(panel.getByTestId('trust-error')).toContainText(
        /UNTRUSTED_PORTAL|TRUST_METADATA_INVALID|TRUST_ROOT_UNSIGNED/,
      );
    }
  });
});
