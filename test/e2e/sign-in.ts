/** Signs in through the demo account list, as a demo user does (signing out first if someone else is in). */
import { expect, type Page } from '@playwright/test';
import type { DisplayLocale } from '../../shared/i18n/locales.js';
import type { MessageParams } from '../../shared/i18n/messages.js';
import { translate, type CatalogKey } from '../../shared/i18n/translator.js';
import type { RunningHost } from './web-host.js';

export async function signInAs(host: RunningHost, page: Page, demoAccount: string): Promise<void> {
  await page.goto(host.openUrl);
  const signOut = page.getByRole('button', { name: 'Sign out' });
  const pick = page.getByRole('button', { name: `Use ${demoAccount}` });
  await expect(signOut.or(pick)).toBeVisible();
  if (await signOut.isVisible()) await signOut.click();
  await pick.click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(demoAccount);
}

/** Opens the app signed out, at the sign-in screen (signing out whoever is in). */
export async function signOut(host: RunningHost, page: Page): Promise<void> {
  await page.goto(host.openUrl);
  const signOutButton = page.getByRole('button', { name: 'Sign out' });
  const signIn = page.getByTestId('sign-in-screen');
  await expect(signOutButton.or(signIn)).toBeVisible();
  if (await signOutButton.isVisible()) await signOutButton.click();
  await expect(signIn).toBeVisible();
}

/** signInAs with the buttons named in `locale`, for specs that run the app in more than one language. */
export async function signInIn(
  host: RunningHost,
  page: Page,
  locale: DisplayLocale,
  demoAccount: string,
): Promise<void> {
  const t = (key: CatalogKey, params?: MessageParams): string => translate(locale, key, params);
  await page.goto(host.openUrl);
  const signOut = page.getByRole('button', { name: t('app.shell.nav.signOut') });
  const pick = page.getByRole('button', { name: t('app.shell.signIn.useAccount', { name: demoAccount }) });
  await expect(signOut.or(pick)).toBeVisible({ timeout: 30_000 });
  if (await signOut.isVisible()) await signOut.click();
  await pick.click();
  await page.getByRole('button', { name: t('app.shell.signIn.submit'), exact: true }).click();
  await expect(page.getByTestId('signed-in-as')).toContainText(demoAccount, { timeout: 30_000 });
}
