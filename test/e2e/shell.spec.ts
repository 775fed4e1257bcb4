import { test, expect } from '@playwright/test';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

hostForSpec((started) => (host = started));

test('the app opens in the browser with the per-launch token and shows what each contract tier includes', async ({
  page,
}) => {
  await page.goto(host.openUrl);
  await expect(page.getByRole('heading', { name: 'Hi-Care Update Manager' })).toBeVisible();
  await expect(page.getByTestId('host-line')).toContainText('browser');
  // The token is taken out of the address bar once read.
  expect(page.url()).not.toContain('token=');
  const rights = page.getByRole('table');
  await expect(rights.getByRole('row', { name: /Software upgrades/ })).toContainText('No');
  await expect(rights.getByRole('row', { name: /Software upgrades/ })).toContainText('Yes');
  await page.screenshot({ path: `${SHOTS}/shell.png`, fullPage: true });
});

test('settings: a bad portal address is refused with its code and remedy, a good one is kept across reloads', async ({
  page,
}) => {
  await page.goto(host.openUrl);
  // Settings are reachable signed out too: the portal, proxy and trust must be right before signing in.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  const portal = page.getByLabel('Portal address');
  // With no portal configured the app runs its embedded demo portal and points the settings at it.
  await expect(portal).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+$/);
  const before = await portal.inputValue();
  await portal.fill('not a url');
  await page.getByRole('button', { name: 'Save settings' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('INVALID_INPUT');
  await expect(alert).toContainText('portalUrl');
  await page.screenshot({ path: `${SHOTS}/settings-error.png`, fullPage: true });

  // Nothing was saved; the address (#/settings) survives the reload.
  await page.reload();
  await expect(page.getByLabel('Portal address')).toHaveValue(before);

  await page.getByLabel('Portal address').fill('https://portal.example.com');
  await page.getByLabel('Check for updates every (hours)').fill('12');
  await page.getByLabel('Show previews (prereleases)').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');

  await page.reload();
  await expect(page.getByLabel('Portal address')).toHaveValue('https://portal.example.com');
  await expect(page.getByLabel('Check for updates every (hours)')).toHaveValue('12');
  await expect(page.getByLabel('Show previews (prereleases)')).toBeChecked();
});

test('the API refuses a caller without the token', async ({ request }) => {
  const base = new URL(host.openUrl).origin;
  const res = await request.post(`${base}/api/call/settings.get`, { data: {} });
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe('UNAUTHENTICATED');
});
