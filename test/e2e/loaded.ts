/**
 * Waiting for what a screen loads. A load that fails shows its error with a "Try again" button; a test does not
 * press it and carry on, which would hide a failure a user met first. It fails at once with the error the screen
 * showed (the spec's host log is attached to the report).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export async function loaded(page: Page, shown: Locator, timeout = 30_000): Promise<void> {
  const failed = page.getByTestId('retry-error').first();
  await expect(shown.or(failed).first()).toBeVisible({ timeout });
  if (!(await shown.first().isVisible()) && (await failed.isVisible())) {
    throw new Error(`the screen failed to load instead: ${await failed.innerText()}`);
  }
  await expect(shown).toBeVisible();
}
