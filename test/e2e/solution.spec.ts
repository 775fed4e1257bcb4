/**
 * A failed install stays on its system across a reload until a request goes out for it; the engineer proposes a
 * solution in words, the customer reads it above the confirm button, grants and later sees the password's reveal in
 * the grant's audit, confirms, and answers the survey once the request is closed; the download made for the install
 * is in the customer's download records.
 */
import { test, expect, type Page } from '@playwright/test';
import { loaded } from './loaded.js';
import { signInAs } from './sign-in.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;
let requestPath = '';

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

const SOLUTION = 'Stop the cobalt-agent service, delete /var/run/cobalt-agent.pid, then run the installer again.';
const at = (page: Page, hash: string) => page.goto(`${new URL(host.openUrl).origin}/${hash}`);

test('the last failed install stays on its system after a reload, until a request is sent for it', async ({ page }) => {
  await signInAs(host, page, 'Northwind Utilities admin');
  await at(page, '#/systems/NW-COB-0001');
  await page.getByRole('link', { name: 'Install Cobalt 4.2.1 on NW-COB-0001' }).click();
  await page.getByRole('button', { name: 'Start installation' }).click();
  await expect(page.getByTestId('install-failure')).toBeVisible({ timeout: 30_000 });

  await at(page, '#/systems/NW-COB-0001');
  await page.reload();
  const last = page.getByTestId('last-failure');
  await expect(last.getByTestId('last-failure-summary')).toContainText(
    /Installing Cobalt 4\.2\.1 over 4\.1\.0 failed on .*exited with code 3/,
  );
  await expect(last.getByTestId('known-issues')).toContainText('cobalt-agent');
  await page.screenshot({ path: `${SHOTS}/system-last-failure.png`, fullPage: true });

  await last.getByRole('link', { name: 'Request remote guidance' }).click();
  await expect(page.getByTestId('diagnostics')).toContainText('exit code 3');
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByTestId('submit-outcome')).toContainText('Sent as request');
  requestPath = (await page.getByRole('link', { name: 'Follow it' }).getAttribute('href')) ?? '';
  expect(requestPath).toMatch(/^#\/requests\/./);

  await at(page, '#/systems/NW-COB-0001');
  await expect(page.getByTestId('system-facts')).toBeVisible();
  await page.reload();
  await loaded(page, page.getByTestId('updates'));
  await expect(page.getByTestId('last-failure')).toHaveCount(0);
});

test('the engineer proposes a solution in words; the customer reads it above confirm, confirms, and answers the survey', async ({
  page,
}) => {
  const id = requestPath.replace('#/requests/', '');
  await signInAs(host, page, 'TAC engineer');
  await at(page, `#/workspace/${id}`);
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Accepted');
  await page.getByRole('button', { name: 'Start work' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('In progress');
  await page.getByRole('button', { name: 'Propose solution' }).click();
  // Nothing is proposed without the solution itself.
  await page.getByRole('button', { name: 'Propose this solution' }).click();
  await expect(page.getByTestId('field-problem')).toHaveText('Enter the solution: it cannot be empty.');
  await expect(page.getByTestId('request-state')).toHaveText('In progress');
  await page.getByLabel('The solution, as the customer should carry it out').fill(SOLUTION);
  await page.getByRole('button', { name: 'Propose this solution' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Solution proposed');
  await expect(page.getByTestId('engineer-solutions')).toContainText(SOLUTION);

  await signInAs(host, page, 'Northwind Utilities admin');
  await at(page, requestPath);
  const proposed = page.getByTestId('proposed-solution');
  await expect(proposed.getByRole('heading', { name: 'Proposed solution' })).toBeVisible();
  await expect(proposed).toContainText(SOLUTION);
  const confirm = page.getByRole('button', { name: 'Confirm: the solution works' });
  const [solutionBox, confirmBox] = [await proposed.boundingBox(), await confirm.boundingBox()];
  expect(solutionBox !== null && confirmBox !== null && solutionBox.y + solutionBox.height <= confirmBox.y).toBe(true);
  await page.getByText('Grant the engineer temporary access').click();
  await page.getByLabel('Address').fill('nw-cob-0001.northwind.example:22');
  await page.getByLabel('Account').fill('tac-guest');
  await page.getByRole('button', { name: 'Grant access' }).click();
  await expect(page.getByTestId('grant-password-once')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/request-proposed-solution.png`, fullPage: true });
  await confirm.click();
  await expect(page.getByTestId('request-state')).toHaveText('Confirmed');

  await signInAs(host, page, 'TAC engineer');
  await at(page, `#/workspace/${id}`);
  await page.getByTestId('reveal-password').click();
  await expect(page.getByTestId('revealed-password')).toBeVisible();
  await page.getByRole('button', { name: 'Close request' }).click();
  await expect(page.getByTestId('request-state')).toHaveText('Closed');

  await signInAs(host, page, 'Northwind Utilities admin');
  await at(page, requestPath);
  await expect(page.getByTestId('request-state')).toHaveText('Closed');
  await page
    .getByTestId('request-grants')
    .getByText(/^Audit/)
    .click();
  const audit = page.getByTestId('grant-audit');
  await expect(audit.getByRole('listitem')).toHaveCount(3);
  await expect(audit.locator('[data-kind="password-revealed"]')).toContainText(
    /Password revealed to .+ \(engineer\), on request TAC-/,
  );
  await expect(audit.locator('[data-kind="revoked"]')).toContainText('Revoked automatically when the request ended');
  await expect(page.getByTestId('request-solutions')).toContainText(SOLUTION);
  await page.getByRole('radio', { name: /^5/ }).check();
  await page.getByRole('button', { name: 'Send answer' }).click();
  await expect(page.getByTestId('survey-answered')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/request-closed-audit.png`, fullPage: true });
});

test('the customer admin sees the download made for the install in the download records', async ({ page }) => {
  await signInAs(host, page, 'Northwind Utilities admin');
  await at(page, '#/downloads');
  const records = page.getByTestId('download-records');
  await expect(records).toBeVisible();
  await expect(records.getByRole('row').filter({ hasText: 'NW-COB-0001' }).first()).toContainText('Cobalt 4.2.1');
  await page.screenshot({ path: `${SHOTS}/download-records.png`, fullPage: true });
});
