/**
 * No internal text reaches a user: the real `hicare` against the real demo portal, fed the bad inputs people give —
 * files that are not there or whose names are too long, an output folder that is a file, a grant that asks too much,
 * a role that may not do what it asks — and the portal's own error bodies for the same. Each answer has its code, plain
 * words and a remedy naming the flag; none has ENOENT, zod's phrasing, a role identifier or a stack trace.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoPortal, type DemoPortal } from '../client-core/demo-portal.js';
import { INTERNAL_TEXT, runHicare } from './run-hicare.js';

const ADMIN = 'admin@contoso.example';
const IT = 'it@contoso.example';
const ATLAS = 'atlas/1.9.0/linux-x64/atlas-1.9.0-linux-x64.tar.gz';
let demo: DemoPortal;

const as =
  (who: 'admin' | 'it') =>
  (args: string[], env: Record<string, string> = {}) =>
    runHicare(args, { HICARE_HOME: join(demo.dir, `home-${who}`), HICARE_PORTAL: demo.url, ...env });
const admin = as('admin');
const it_ = as('it');

async function token(email: string): Promise<string> {
  const response = await fetch(`${demo.url}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demo.password(email) }),
  });
  return ((await response.json()) as { token: string }).token;
}

beforeAll(async () => {
  demo = await startDemoPortal();
  for (const [run, email] of [
    [admin, ADMIN],
    [it_, IT],
  ] as const) {
    expect((await run(['trust', demo.rootFile, '--yes'])).code).toBe(0);
    expect((await run(['login', '--email', email], { HICARE_PASSWORD: demo.password(email) })).code).toBe(0);
  }
}, 60_000);
afterAll(async () => demo.close());

describe('the CLI in plain words', () => {
  it.each([
    [
      'a package file that is not there',
      () => ['verify', join(demo.dir, 'nowhere', 'atlas.tar.gz')],
      7,
      'NOT_FOUND',
      /There is no package file at .*nowhere\/atlas\.tar\.gz\./,
    ],
    [
      'a package path too long for the system',
      () => ['verify', join(demo.dir, 'p'.repeat(5000))],
      1,
      'INVALID_INPUT',
      /The path given for package file is too long for this system\./,
    ],
    [
      'a package path that is a folder',
      () => ['verify', demo.dir],
      1,
      'INVALID_INPUT',
      /is a folder, where a file is needed\./,
    ],
  ] as const)('%s: coded, in words, nothing internal', async (_what, args, exit, code, words) => {
    const run = await it_(args());
    expect(run.code, run.stderr).toBe(exit);
    expect(run.stderr).toMatch(new RegExp(`^error ${code}: `, 'm'));
    expect(run.stderr).toMatch(words);
    expect(run.stderr).not.toMatch(INTERNAL_TEXT);
  });

  it('an --out folder that is a file is refused with the flag in the remedy, and nothing is written there', async () => {
    const file = join(demo.dir, 'not-a-folder');
    await writeFile(file, 'keep me');
    const run = await it_(['download', ATLAS, '--out', file]);
    expect(run.code, run.stderr).toBe(7);
    expect(run.stderr).toMatch(
      /^error NOT_FOUND: The path of download folder, .*not-a-folder, goes through something that is not a folder\./m,
    );
    expect(run.stderr).toContain('--out DIR');
    expect(run.stderr).not.toMatch(INTERNAL_TEXT);
    expect(await readFile(file, 'utf8')).toBe('keep me');
  });

  it('a grant that asks too much names the flags and the limits, not the schema', async () => {
    const created = await admin([
      '--json',
      'request',
      'create',
      '--serial',
      'CG-ATL-0001',
      '--description',
      'Controller restarts at night.',
      '--priority',
      'P4',
      '--yes',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { number } = (JSON.parse(created.stdout) as { request: { number: string } }).request;
    const run = await admin([
      'request',
      'grant',
      number,
      '--channel',
      'ssh',
      '--address',
      'ctl.contoso.example',
      '--account',
      'tac',
      '--hours',
      '500',
      '--password',
      'short',
    ]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /^error INVALID_INPUT: These values are not accepted: --password: at least 12 characters; --hours: at most 72\./m,
    );
    expect(run.stderr).toContain('Correct --password and --hours and run the command again.');
    expect(run.stderr).not.toMatch(INTERNAL_TEXT);
    const detail = JSON.parse((await admin(['--json', 'request', 'show', number])).stdout) as {
      request: { grants: unknown[] };
    };
    expect(detail.request.grants).toEqual([]);
  });

  it('an account whose role may not list requests is told so in words (exit 9)', async () => {
    const run = await it_(['request', 'list']);
    expect(run.code, run.stderr).toBe(9);
    expect(run.stderr).toMatch(/^error FORBIDDEN: An IT staff account may not use “Requests visible to the caller/m);
    expect(run.stderr).toContain(
      'Sign in as a customer administrator, a support engineer or a portal administrator to do this.',
    );
    expect(run.stderr).not.toMatch(INTERNAL_TEXT);
  });
});

describe("the portal's error bodies in plain words", () => {
  it('a body the schema refuses is answered field by field', async () => {
    const { requests } = (await (
      await fetch(`${demo.url}/api/v1/requests`, { headers: { authorization: `Bearer ${await token(ADMIN)}` } })
    ).json()) as { requests: { id: string }[] };
    const response = await fetch(`${demo.url}/api/v1/requests/${requests[0]!.id}/grants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token(ADMIN)}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        channel: 'telnet',
        address: 'h',
        account: 'a',
        scope: 'repair',
        password: 'short',
        expiresInHours: 500,
        extra: 1,
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { code: string; message: string; remedy: string };
    expect(body.code).toBe('INVALID_INPUT');
    expect(body.message).toBe(
      'These values are not accepted: channel: must be one of "ssh", "rdp", "vpn", "web" or "other"; password: at least 12 characters; expiresInHours: at most 72; and 1 more.',
    );
    expect(body.remedy).toBe('Correct the values named and send the request again.');
    expect(JSON.stringify(body)).not.toMatch(INTERNAL_TEXT);
  });

  it('a role that may not download packages is named in words', async () => {
    const response = await fetch(`${demo.url}/api/v1/packages/${ATLAS}`, {
      headers: { authorization: `Bearer ${await token('engineer@hicare.example')}` },
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { code: string; message: string; remedy: string };
    expect(body).toMatchObject({
      code: 'FORBIDDEN',
      message: 'A support engineer account may not download packages.',
      remedy: 'Sign in as a customer administrator or IT staff to do this.',
    });
  });
});
