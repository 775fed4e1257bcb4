/** The browser opens only the vendor's https sites: the configured portal and the fixed documentation/support hosts. */
import { describe, expect, it, vi } from 'vitest';
import { externalOpener, HELP_LINKS, mayOpenExternally } from '../../../electron/main/external-links.js';
import { recordingLogger } from './shell-fakes.js';

describe('mayOpenExternally', () => {
  const portal = 'https://portal.contoso.example:8443';

  it.each([
    ['https://docs.hicare.example/update-manager/', true],
    ['https://support.hicare.example/tickets/1', true],
    ['https://portal.contoso.example:8443/requests/7', true],
    // the portal's host on another port or scheme is another origin
    ['https://portal.contoso.example/requests/7', false],
    ['http://portal.contoso.example:8443/requests/7', false],
    ['http://docs.hicare.example/', false],
    ['https://docs.hicare.example.evil.example/', false],
    ['https://evilhicare.example/', false],
    ['https://user:pass@docs.hicare.example/', false],
    ['file:///etc/passwd', false],
    ['ms-settings:privacy', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(mayOpenExternally(url, portal)).toBe(allowed);
  });

  it('lets nothing of a portal out when none is configured or it is plain http (the demo)', () => {
    expect(mayOpenExternally('https://portal.contoso.example:8443/', null)).toBe(false);
    expect(mayOpenExternally('http://127.0.0.1:8780/', 'http://127.0.0.1:8780')).toBe(false);
  });

  it('allows every Help link', () => {
    for (const url of Object.values(HELP_LINKS)) expect(mayOpenExternally(url, null)).toBe(true);
  });
});

describe('externalOpener', () => {
  it('opens an allowed link, refuses and logs any other, and follows the portal setting as it changes', () => {
    const opened: string[] = [];
    const logger = recordingLogger();
    let portal: string | null = null;
    const opener = externalOpener({
      openExternal: async (url) => void opened.push(url),
      portalUrl: () => portal,
      logger,
    });

    expect(opener.open('https://portal.fabrikam.example/x')).toBe(false);
    portal = 'https://portal.fabrikam.example';
    expect(opener.open('https://portal.fabrikam.example/x')).toBe(true);
    expect(opener.open('https://evil.example/')).toBe(false);

    expect(opened).toEqual(['https://portal.fabrikam.example/x']);
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.fields?.url)).toEqual([
      'https://portal.fabrikam.example/x',
      'https://evil.example/',
    ]);
  });

  it('logs a browser that cannot be started instead of failing', async () => {
    const logger = recordingLogger();
    const opener = externalOpener({
      openExternal: async () => {
        throw new Error('no browser');
      },
      portalUrl: () => null,
      logger,
    });
    expect(opener.open(HELP_LINKS.support)).toBe(true);
    await vi.waitFor(() => expect(logger.lines.map((l) => l.message)).toContain('the browser could not be started'));
  });
});
