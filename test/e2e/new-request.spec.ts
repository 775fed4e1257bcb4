/**
 * A request opened from the Requests screen, not from a failed install: a customer admin opens a P4 enquiry for a
 * covered system with alarms, measurements and a log file; a program renamed as a screenshot is refused before
 * anything is sent; a password typed into the description is shown in the preview and removed; and the request, as
 * the customer then sees it, carries what was chosen.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { appCall, expectFieldProblem, openAs, watchCalls } from './form-checks.js';
import { hostForSpec, SHOTS } from './spec-host.js';
import type { RunningHost } from './web-host.js';

let host: RunningHost;

test.describe.configure({ mode: 'serial' });
hostForSpec((started) => (host = started));

const ADMIN = 'Contoso Grid admin';
const LOG = '2026-11-30 10:00:01 WARN queue depth 9120 above 5000\n2026-11-30 10:00:02 ERROR flush stalled\n';
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(256)]);

test('a customer admin opens a P4 enquiry with a log file from the Requests screen and sees it in the request', async ({
  page,
}) => {
  await openAs(host, page, ADMIN, '#/requests');
  await page.getByTestId('new-request').click();
  const screen = page.getByTestId('new-request-screen');
  await expect(screen).toBeVisible();
  const calls = watchCalls(page);

  // Send with nothing filled in: each field says what it needs, and nothing leaves the page.
  await screen.getByRole('button', { name: 'Send request' }).click();
  await expectFieldProblem(screen.getByLabel('System'), 'Choose the system the request is about.');
  await expectFieldProblem(screen.getByLabel('Fault description'), /Enter the fault description/);

  await screen.getByLabel('System').selectOption('CG-ATL-0001');
  await expect(screen.getByLabel('Equipment location')).toHaveValue('Contoso operations centre, rack B4');
  await screen
    .getByLabel('Fault description')
    .fill('At which queue depth should the agent raise an alarm?\nOur login is password=Hunter2Hunter2');
  // The typed password is found by the diagnostics' rules, shown masked, and removed unless kept.
  const secrets = screen.getByTestId('typed-secrets');
  await expect(secrets).toContainText('looks like it holds a secret');
  await expect(secrets.getByRole('row', { name: /Password or secret.*Fault description.*2/ })).toBeVisible();
  await expect(secrets).not.toContainText('Hunter2Hunter2');
  await expect(secrets.getByRole('checkbox')).not.toBeChecked();
  await expect(screen.getByRole('radio', { name: /P4/ })).toBeChecked();
  await screen.getByLabel('Alarms, one per line').fill('ALM-2231 queue depth high\nALM-2240 flush stalled');
  await screen.getByLabel('Performance measurements').fill('queue depth p95 9120; flush latency 4.2 s');

  // A program named like a screenshot is refused as soon as it is picked; the log is taken.
  const files = screen.getByLabel('Logs and other files (optional)');
  await files.setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: ELF });
  await expectFieldProblem(files, 'The file screenshot.png is a program.');
  await files.setInputFiles({ name: 'agent.log', mimeType: 'text/plain', buffer: Buffer.from(LOG) });
  await expect(screen.getByTestId('attachment-list')).toContainText('agent.log');
  await expect(screen.getByTestId('attachment-list')).not.toContainText('screenshot.png');
  expect(calls('requests.stageAttachment') + calls('requests.submit')).toBe(0);
  // The earlier complaints went with the corrections.
  await expect(screen.getByLabel('Equipment location')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(screen.getByTestId('send-error')).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/new-request-form.png`, fullPage: true });

  await screen.getByRole('button', { name: 'Send request' }).click();
  const outcome = page.getByTestId('submit-outcome');
  await expect(outcome).toHaveAttribute('data-status', 'sent');
  await expect(outcome).toContainText(/Sent as request TAC-\d{4}-\d{6}/);
  await outcome.getByRole('link', { name: 'Follow it' }).click();

  const request = page.getByTestId('request-screen');
  await expect(request).toContainText('Our login is password=[REDACTED password]');
  await expect(request).not.toContainText('Hunter2Hunter2');
  await expect(request).toContainText('P4');
  const diagnostics = request.getByTestId('request-diagnostics');
  await expect(diagnostics).toContainText('ALM-2231 queue depth high');
  await expect(diagnostics.getByTestId('request-attachments')).toContainText('agent.log');
  await page.screenshot({ path: `${SHOTS}/new-request-sent.png`, fullPage: true });
});

test('a password the customer chooses to keep is sent as typed, and the system page opens a request for itself', async ({
  page,
}) => {
  await openAs(host, page, ADMIN, '#/systems/CG-BCN-0001');
  await page.getByTestId('system-new-request').click();
  const screen = page.getByTestId('new-request-screen');
  await expect(screen.getByLabel('System')).toHaveValue('CG-BCN-0001');
  await expect(screen.getByLabel('Equipment location')).toHaveValue('Contoso operations centre, alarm wall');
  await screen.getByLabel('Fault description').fill('The test account for the alarm wall is password=WallTest2026');
  await screen.getByTestId('typed-secrets').getByRole('checkbox').check();
  await screen.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByTestId('submit-outcome')).toHaveAttribute('data-status', 'sent');
  await page.getByTestId('submit-outcome').getByRole('link', { name: 'Follow it' }).click();
  await expect(page.getByTestId('request-screen')).toContainText('password=WallTest2026');
  const { requests } = await appCall<{ requests: { serialNumber: string; faultDescription: string }[] }>(
    host,
    'requests.list',
    {},
  );
  expect(requests.find((r) => r.serialNumber === 'CG-BCN-0001')?.faultDescription).toBe(
    'The test account for the alarm wall is password=WallTest2026',
  );
});
