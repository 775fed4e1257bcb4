/**
 * More journeys in a real Chromium against the web host and its demo portal: a Support admin takes an included
 * update; an Upgrade Support admin takes an upgrade through its intermediate hop; bad input in the sign-in and
 * version forms is refused with its code, changing nothing.
 */
import { test, expect, type Page } from '@playwright/test';
import { signInAs } from './sign-in.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

async function install(page: Page, product: string, version: string, serial: string): Promise<void> {
  await page.goto(`${new URL(host.openUrl).origin}/#/systems/${serial}`);
  await page.getByRole('link', { name: `Install ${product} ${version} on ${serial}` }).click();
  await page.getByRole('button', { name: 'Start installation' }).click();
  await expect(page.getByTestId('install-success')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('install-log')).toContainText(`Installed ${product.toLowerCase()} ${version}`);
}

test('a bad password is refused with its code, and nobody is signed in', async ({ page }) => {
  await page.goto(host.openUrl);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  if (await signOut.isVisible().catch(() => false)) await signOut.click();
  await page.getByLabel('E-mail').fill('admin@contoso.example');
  await page.getByLabel('Password').fill('not the password at all');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('INVALID_CREDENTIALS')).toBeVisible();
  await expect(page.getByTestId('signed-in-as')).toHaveCount(0);
});

test('a Support admin takes an included update, and the system shows the new version', async ({ page }) => {
  await signInAs(host, page, 'Northwind Utilities admin');
  await install(page, 'Atlas', '1.9.0', 'NW-ATL-0001');
  await page.goto(`${new URL(host.openUrl).origin}/#/systems`);
  await expect(page.getByTestId('system-row-NW-ATL-0001').getByTestId('installed-version')).toHaveText('1.9.0', {
    timeout: 30_000,
  });
  await page.screenshot({ path: `${SHOTS}/systems.png`, fullPage: true });
});

test('an Upgrade Support admin takes the upgrade to 2.3.1 through its intermediate hop 1.9.0', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await page.goto(`${new URL(host.openUrl).origin}/#/systems/CG-ATL-0001`);
  const upgrade = page.getByTestId('candidate-2.3.1');
  await expect(upgrade.getByTestId('verdict')).not.toContainText('Needs Upgrade Support', { timeout: 30_000 });
  await expect(page.getByTestId('recommended-path').getByRole('listitem')).toHaveText([
    /1\.4\.2/,
    /1\.9\.0/,
    /2\.3\.1/,
  ]);
  await install(page, 'Atlas', '1.9.0', 'CG-ATL-0001');
  await install(page, 'Atlas', '2.3.1', 'CG-ATL-0001');
  await page.screenshot({ path: `${SHOTS}/install-upgrade.png`, fullPage: true });
  await page.goto(`${new URL(host.openUrl).origin}/#/systems`);
  await expect(page.getByTestId('system-row-CG-ATL-0001').getByTestId('installed-version')).toHaveText('2.3.1', {
    timeout: 30_000,
  });
  await page.goto(`${new URL(host.openUrl).origin}/#/downloads`);
  await page.screenshot({ path: `${SHOTS}/downloads.png`, fullPage: true });
});

test('an installed version that is not a version is refused with its code, and the old one stays', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await page.goto(`${new URL(host.openUrl).origin}/#/systems`);
  const row = page.getByTestId('system-row-CG-BCN-0001');
  await expect(row.getByTestId('installed-version')).toHaveText('2.0.0', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Set version of CG-BCN-0001' }).click();
  const field = page.getByLabel('Installed version of CG-BCN-0001');
  await field.fill('two point one');
  await field.press('Enter');
  await expect(page.getByText('INVALID_VERSION')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('system-row-CG-BCN-0001').getByTestId('installed-version')).toHaveText('2.0.0', {
    timeout: 30_000,
  });
});
