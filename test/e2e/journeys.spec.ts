/**
 * The app's main journeys in a real Chromium against the web host and its embedded demo portal: a customer admin
 * reads the contract, sees why a release is or is not included, downloads, installs, fails, and asks for remote
 * guidance; the engineer works the request; the customer grants access, confirms and answers the survey; IT staff
 * download in bulk.
 */
import { test, expect, type Page } from '@playwright/test';
import { loaded } from './loaded.js';
import { signInAs } from './sign-in.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

test('a customer admin sees the contract, why each release is or is not included, downloads, installs and asks for guidance', async ({
  page,
}) => {
  await signInAs(host, page, 'Northwind Utilities admin');
  await expect(nav(page).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
  await expect(nav(page).getByRole('link', { name: 'Engineer workspace' })).toHaveCount(0);
  const contracts = page.getByTestId('contracts');
  await expect(contracts.getByRole('heading', { name: 'Application Software Support' })).toBeVisible();
  await expect(contracts.getByTestId('days-left')).toContainText('days of service left');
  await loaded(page, page.getByTestId('what-would-change').getByRole('link', { name: 'Atlas 2.3.1' }));
  await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });

  await nav(page).getByRole('link', { name: 'Systems & updates' }).click();
  await loaded(page, page.getByTestId('system-row-NW-ATL-0001'));
  await expect(page.getByTestId('system-row-NW-ATL-0001').getByTestId('installed-version')).toHaveText('1.4.2');
  await page.getByRole('link', { name: 'Updates & upgrades for NW-ATL-0001' }).click();
  const upgrade = page.getByTestId('candidate-2.3.1');
  await expect(upgrade.getByTestId('verdict')).toContainText('Needs Upgrade Support');
  await expect(upgrade.getByTestId('verdict-reasons')).toContainText('What you can do');
  await expect(upgrade.getByTestId('upgrade-path').getByRole('listitem')).toHaveText([/1\.4\.2/, /1\.9\.0/, /2\.3\.1/]);
  const update = page.getByTestId('candidate-1.9.0');
  await expect(update.getByTestId('verdict')).toContainText('Included in your Support contract');
  await expect(update.getByTestId('lifecycle')).toContainText('End of maintenance');
  await update.getByRole('button', { name: 'Download Atlas 1.9.0' }).click();
  await expect(update).toContainText('Downloaded and verified against the signed catalog.');
  await page.screenshot({ path: `${SHOTS}/system.png`, fullPage: true });

  await page.goto(`${new URL(host.openUrl).origin}/#/systems/NW-COB-0001`);
  await page.getByRole('link', { name: 'Install Cobalt 4.2.1 on NW-COB-0001' }).click();
  await page.getByRole('button', { name: 'Start installation' }).click();
  await expect(page.getByTestId('install-failure')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('install-error')).toContainText('INSTALL_FAILED');
  await expect(page.getByTestId('known-issues')).toContainText('cobalt-agent');
  await page.screenshot({ path: `${SHOTS}/install-failed.png`, fullPage: true });

  await page.getByRole('link', { name: 'Request remote guidance' }).click();
  await expect(page.getByTestId('redaction-preview')).toBeVisible();
  await expect(page.getByTestId('diagnostics')).toContainText('exit code 3');
  await page.getByRole('radio', { name: /^P2/ }).check();
  const description = page.getByLabel('Fault description');
  await description.fill(`${await description.inputValue()}\nThe agent was restarted this morning.`);
  await page.screenshot({ path: `${SHOTS}/request-draft.png`, fullPage: true });
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByTestId('submit-outcome')).toContainText('Sent as request');
  await page.getByRole('link', { name: 'Follow it' }).click();
  await expect(page.getByTestId('request-header')).toContainText('P2');
  await expect(page.getByTestId('request-state')).toHaveText('Submitted');
  await expect(page.getByTestId('sla-countdown')).toHaveAttribute('data-sla-state', /awaiting-acceptance|running/);
});

test('the engineer works the request; the customer grants access, confirms the fix and answers the survey', async ({
  page,
}) => {
  await signInAs(host, page, 'TAC engineer');
  await expect(nav(page).getByRole('link', { name: 'Overview' })).toHaveCount(0);
  await page.getByTestId('queue-table').getByRole('link').first().click();
  await expect(page.getByTestId('engineer-diagnostics')).toContainText('ERROR 1603');
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Accepted');
  await expect(page.getByTestId('sla-countdown')).toContainText('left');
  await page.getByRole('button', { name: 'Start work' }).click();
  await page.getByLabel('Your message').fill('Stop cobalt-agent, delete the stale pid file, then install again.');
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(page.getByTestId('messages')).toContainText('stale pid file');
  await page.getByRole('button', { name: 'Propose solution' }).click();
  await page
    .getByLabel('The solution, as the customer should carry it out')
    .fill('Stop cobalt-agent, delete the stale pid file, then install again.');
  await page.getByRole('button', { name: 'Propose this solution' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Solution proposed');
  const requestUrl = page.url();

  await signInAs(host, page, 'Northwind Utilities admin');
  await nav(page).getByRole('link', { name: 'Requests' }).click();
  await page.getByTestId('open-requests-table').getByRole('link').first().click();
  await page.getByText('Grant the engineer temporary access').click();
  await page.getByLabel('Address').fill('nw-cob-0001.northwind.example:22');
  await page.getByLabel('Account').fill('tac-guest');
  await page.getByRole('button', { name: 'Grant access' }).click();
  const once = page.getByTestId('grant-password-once');
  await expect(once).toBeVisible();
  const password = (await once.locator('code').textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(12);
  await expect(page.getByTestId('grants')).toContainText('Active');
  await page.screenshot({ path: `${SHOTS}/request-customer.png`, fullPage: true });
  await page.getByRole('button', { name: 'Confirm: the solution works' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Confirmed');

  await signInAs(host, page, 'TAC engineer');
  await page.goto(requestUrl);
  await page.getByTestId('reveal-password').click();
  await expect(page.getByTestId('revealed-password')).toContainText(password);
  await expect(page.getByTestId('request-grants')).toContainText('audit');
  await page.getByRole('button', { name: 'Close request' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Closed');

  await signInAs(host, page, 'Northwind Utilities admin');
  await nav(page).getByRole('link', { name: 'Requests' }).click();
  await page.getByTestId('closed-requests-table').getByRole('link').first().click();
  await page.getByRole('radio', { name: /^4/ }).check();
  await page.getByLabel('Comment (optional)').fill('Quick and clear.');
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByTestId('survey-answered')).toBeVisible();
});

test('IT staff have no requests and download several releases at once, each verified', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid IT staff');
  await expect(nav(page).getByRole('link', { name: 'Requests' })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Downloads' }).click();
  const bulk = page.getByTestId('bulk-download');
  await loaded(page, bulk);
  await bulk.getByLabel('Filter releases').fill('atlas 1.');
  await bulk.getByRole('button', { name: 'Select all shown' }).click();
  await expect(page.getByTestId('bulk-download-button')).toHaveText('Download selected (2)');
  await page.getByTestId('bulk-download-button').click();
  await expect(bulk.getByRole('status')).toHaveText('2 downloads started.');
  const done = page.getByTestId('downloads').locator('[data-state="done"]');
  await expect(
    done.filter({ hasText: 'atlas-1.8.0' }).filter({ hasText: 'CG-ATL-0001' }).getByTestId('verification'),
  ).toContainText('Verified against the signed catalog');
  await expect(
    done.filter({ hasText: 'atlas-1.9.0' }).filter({ hasText: 'CG-ATL-0001' }).getByTestId('verification'),
  ).toContainText('Verified against the signed catalog');
  await page.screenshot({ path: `${SHOTS}/bulk-downloads.png`, fullPage: true });
});
