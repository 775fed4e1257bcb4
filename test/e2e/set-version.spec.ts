/**
 * Set version in a real Chromium against the web host and its demo portal: a version outside the vendor's catalog
 * is refused with its code and the checkbox that confirms it, changing nothing; confirmed, the system shows it marked
 * and never as up to date. An entered new major the contract allows shows on the overview as licensed since today.
 */
import { test, expect, type Page } from '@playwright/test';
import { signInAs } from './sign-in.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

const CHECKBOX = 'This version is not in the vendor’s catalog (installed by other means)';

async function enterVersion(page: Page, serial: string, version: string, notInCatalog = false): Promise<void> {
  await page.getByRole('button', { name: `Set version of ${serial}` }).click();
  await page.getByLabel(`Installed version of ${serial}`).fill(version);
  if (notInCatalog) await page.getByLabel(CHECKBOX).check();
  await page.getByRole('button', { name: 'Save version' }).click();
}

test('a version outside the catalog is refused without the confirmation, and nothing changes', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await page.goto(`${new URL(host.openUrl).origin}/#/systems`);
  const row = page.getByTestId('system-row-CG-COB-0001');
  await expect(row.getByTestId('installed-version')).toHaveText('4.2.0', { timeout: 30_000 });
  await enterVersion(page, 'CG-COB-0001', '9.9.9');
  const notice = row.getByTestId('error-notice');
  await expect(notice).toContainText('VERSION_NOT_IN_CATALOG');
  await expect(notice).toContainText('4.0.0, 4.1.0, 4.2.0, 4.2.1');
  await expect(notice).toContainText(CHECKBOX);
  await page.screenshot({ path: `${SHOTS}/set-version-refused.png`, fullPage: true });
  await page.reload();
  await expect(page.getByTestId('system-row-CG-COB-0001').getByTestId('installed-version')).toHaveText('4.2.0', {
    timeout: 30_000,
  });
});

test('a confirmed version outside the catalog is shown marked, never as up to date', async ({ page }) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await page.goto(`${new URL(host.openUrl).origin}/#/systems`);
  const row = page.getByTestId('system-row-CG-COB-0001');
  await expect(row.getByTestId('installed-version')).toHaveText('4.2.0', { timeout: 30_000 });
  await enterVersion(page, 'CG-COB-0001', '9.9.9', true);
  await expect(row.getByTestId('installed-version')).toHaveText('9.9.9 (not in the catalog)');
  await expect(row).toContainText('Not in the catalog', { timeout: 30_000 });
  await expect(row).not.toContainText('Up to date');
  await page.screenshot({ path: `${SHOTS}/set-version-not-in-catalog.png`, fullPage: true });
  await page.reload();
  await expect(page.getByTestId('system-row-CG-COB-0001').getByTestId('installed-version')).toHaveText(
    '9.9.9 (not in the catalog)',
    { timeout: 30_000 },
  );
});

test('an entered upgrade the contract allows shows on the overview as the licensed version since today', async ({
  page,
}) => {
  await signInAs(host, page, 'Contoso Grid admin');
  await page.goto(`${new URL(host.openUrl).origin}/#/systems`);
  const row = page.getByTestId('system-row-CG-ATL-0001');
  await expect(row.getByTestId('installed-version')).toHaveText(/\d/, { timeout: 30_000 });
  await enterVersion(page, 'CG-ATL-0001', '2.3.1');
  await expect(row.getByTestId('installed-version')).toHaveText('2.3.1');
  await page.goto(`${new URL(host.openUrl).origin}/#/`);
  const today = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Europe/Berlin',
  }).format(new Date());
  await expect(page.getByTestId('licensed-versions')).toHaveText(
    `Licensed versions: Atlas 2.x, since ${today} (CG-ATL-0001); Beacon 2.x; Cobalt 4.x`,
    { timeout: 30_000 },
  );
  await page.screenshot({ path: `${SHOTS}/overview-licence.png`, fullPage: true });
});
