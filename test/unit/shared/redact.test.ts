/** Secrets never leave the desktop in diagnostics: each kind is found, replaced, and listed masked for the preview. */
import { describe, expect, it } from 'vitest';
import { findSecrets, redact, redactValue } from '../../../shared/domain/redact.js';

const KEY = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

describe('redact', () => {
  it.each([
    [
      'a bearer token',
      'GET /api Authorization: Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      '9f8e7d6c5b4a39281706f5e4d3c2b1a0',
      'bearer-token',
    ],
    ['an API key', 'using key hck_AbCdEfGhIjKlMnOpQrStUvWx for upload', 'hck_AbCdEfGhIjKlMnOpQrStUvWx', 'api-key'],
    [
      'a JWT',
      'session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0',
      'jwt',
    ],
    ['an AWS key', 'aws_access_key_id AKIAIOSFODNN7EXAMPLE set', 'AKIAIOSFODNN7EXAMPLE', 'cloud-key'],
    ['a password assignment', 'db.password = "S3cr3t!pass"', 'S3cr3t!pass', 'password'],
    [
      'a password in a URL',
      'fetching https://deploy:hunter2hunter2@repo.example.com/pkg',
      'hunter2hunter2',
      'url-credentials',
    ],
    ['a PostgreSQL URL', 'DATABASE_URL=postgres://app:pa55word@db:5432/prod', 'pa55word', 'connection-string'],
    [
      'an ADO.NET connection string',
      'Server=sql01;Database=cobalt;User Id=sa;Password=Winter2026!;',
      'Winter2026!',
      'connection-string',
    ],
    ['a cookie header', 'Cookie: sid=abcdef1234567890; theme=dark', 'sid=abcdef1234567890', 'cookie'],
    ['a private key', `key follows\n${KEY}\ndone`, 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ', 'private-key'],
  ])('removes %s', (_, text, secret, kind) => {
    const r = redact(text);
    expect(r.text).not.toContain(secret);
    expect(r.text).toContain(`[REDACTED ${kind}]`);
    expect(r.removed.map((x) => x.kind)).toContain(kind);
    for (const x of r.removed) expect(x.masked).not.toContain(secret.slice(4));
  });

  it('leaves ordinary log lines alone and says where each finding was', () => {
    const log = [
      '2026-11-24 Installing cobalt 4.2.1',
      'ERROR 1603: pre-install check failed',
      'token=abc123def456ghi',
      'done',
    ].join('\n');
    const r = redact(log);
    expect(r.text.split('\n').slice(0, 2)).toEqual(log.split('\n').slice(0, 2));
    expect(r.removed).toEqual([{ kind: 'password', line: 3, masked: expect.any(String) as string }]);
  });

  it('redacts inside structured data, and drops fields named like secrets whole', () => {
    const { value, removed } = redactValue({
      hostname: 'plc-7',
      env: { PGPASSWORD: 'x', note: 'password: letmein123' },
      password: 'plain',
      list: ['Bearer abcdefghijklmnopqrstuvwxyz'],
    });
    expect(JSON.stringify(value)).not.toMatch(/letmein123|plain|abcdefghijklmnopqrstuvwxyz/);
    expect(value.hostname).toBe('plc-7');
    expect(removed.map((r) => r.path).sort()).toEqual(['$.env.note', '$.list[0]', '$.password']);
  });
});

describe('secrets typed by the customer', () => {
  const typed =
    'The agent stops after the update.\nWe log in with password=Hunter2Hunter2 and token=abcdef0123456789abcdef';

  it('finds each typed secret with its value for the form, and removes all of them by default', () => {
    expect(findSecrets(typed).map((f) => [f.kind, f.line, f.secret])).toEqual([
      ['password', 2, 'Hunter2Hunter2'],
      ['password', 2, 'abcdef0123456789abcdef'],
    ]);
    const r = redact(typed);
    expect(r.text).toBe(
      'The agent stops after the update.\nWe log in with password=[REDACTED password] and token=[REDACTED password]',
    );
    expect(r.kept).toEqual([]);
  });

  it.each([
    ['keeps nothing', () => false, 'password=[REDACTED password] and token=[REDACTED password]', 2, 0],
    [
      'keeps the one chosen',
      (f: { secret: string }) => f.secret === 'Hunter2Hunter2',
      'password=Hunter2Hunter2 and token=[REDACTED password]',
      1,
      1,
    ],
    ['keeps everything', () => true, 'password=Hunter2Hunter2 and token=abcdef0123456789abcdef', 0, 2],
  ])('%s when the customer says so', (_, keep, line, removed, kept) => {
    const r = redact(typed, keep);
    expect(r.text.split('\n')[1]).toBe(`We log in with ${line}`);
    expect(r.removed).toHaveLength(removed);
    expect(r.kept).toHaveLength(kept);
    for (const x of [...r.removed, ...r.kept]) expect(x.masked).not.toContain('Hunter2Hunter2');
  });
});
