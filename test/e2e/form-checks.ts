/**
 * What the form tests check over and over: a field refused on its own (marked invalid, its message shown and tied
 * to it), the calls that did or did not leave the page, and the app's API for setting up what no form creates.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { RunningHost } from './web-host.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The field says what is wrong with it: aria-invalid, and the message it names first in aria-describedby is on
 * screen with that text, so a screen reader reads it with the field too.
 */
export async function expectFieldProblem(field: Locator, message: string | RegExp): Promise<void> {
  const pattern = typeof message === 'string' ? new RegExp(escape(message)) : message;
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(pattern);
  const [first] = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
  const shown = field.page().locator(`[id="${first ?? ''}"]`);
  await expect(shown).toBeVisible();
  await expect(shown).toHaveText(pattern);
}

/** A field that was corrected (or never wrong) is no longer marked. */
export async function expectFieldAccepted(field: Locator): Promise<void> {
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

/** Counts the app API calls the page makes from now on, by method (`requests.grant`, ...). */
export function watchCalls(page: Page): (method: string) => number {
  const seen: string[] = [];
  page.on('request', (request) => {
    const method = /\/api\/call\/([\w.]+)$/.exec(new URL(request.url()).pathname)?.[1];
    if (method !== undefined) seen.push(method);
  });
  return (method) => seen.filter((m) => m === method).length;
}

/** Text of exactly `length` characters that reads like what a person pastes; no blank at either end to trim. */
export function textOfLength(length: number): string {
  const sentence = 'The agent stopped again after the update; the log repeats the same error every few seconds. ';
  return `${sentence.repeat(Math.ceil(length / sentence.length)).slice(0, length - 1)}.`;
}

/** Calls the host's API as the page does (same token), for what no screen creates by itself. */
export async function appCall<T>(host: RunningHost, method: string, input: unknown): Promise<T> {
  const url = new URL(host.openUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
  const res = await fetch(`${url.origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const reply = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!reply.ok) throw new Error(`${method} was refused: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

interface SessionSeen {
  account: { name: string } | null;
  demoAccounts: { name: string; email: string; password: string }[] | null;
}

/**
 * Opens `hash` signed in as a demo account, signing the host in through its API when someone else is in: switching
 * users is not what these tests are about (the sign-in form has its own), and it is the slow part of a journey.
 */
export async function openAs(host: RunningHost, page: Page, demoAccount: string, hash: string): Promise<void> {
  const session = await appCall<SessionSeen>(host, 'session.get', {});
  if (session.account?.name !== demoAccount) {
    const account = session.demoAccounts?.find((a) => a.name === demoAccount);
    if (account === undefined) throw new Error(`no demo account named ${demoAccount}`);
    await appCall(host, 'session.signIn', { email: account.email, password: account.password });
  }
  const origin = new URL(host.openUrl).origin;
  if (page.url().startsWith(origin)) {
    // Already open (the token is kept in the tab): a new hash alone would not read the new session, a reload does.
    await page.goto(`${origin}/${hash}`);
    await page.reload();
  } else {
    await page.goto(host.openUrl);
    await page.goto(`${origin}/${hash}`);
  }
  await expect(page.getByTestId('signed-in-as')).toContainText(demoAccount);
}
