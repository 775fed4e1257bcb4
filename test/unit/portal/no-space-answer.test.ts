/**
 * A full disk met anywhere in a request — in a route's own code or in one Fastify's error handler catches — answers
 * INSUFFICIENT_SPACE (507) in plain words, never a 500 with the errno in it.
 */
import { describe, expect, it } from 'vitest';
import { createPortalApp } from '../../../portal/http/app.js';
import { sendError } from '../../../portal/http/endpoints.js';

function noSpace(): NodeJS.ErrnoException {
  return Object.assign(new Error("ENOSPC: no space left on device, write '/srv/hicare/attachments/x'"), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}

describe('a full disk during a request', () => {
  it('is answered 507 INSUFFICIENT_SPACE whether a route or the error handler meets it', async () => {
    const app = createPortalApp({ version: 'test' });
    app.get('/caught', async (_request, reply) => sendError(reply, noSpace()));
    app.get('/thrown', async () => {
      throw noSpace();
    });
    for (const url of ['/caught', '/thrown']) {
      const reply = await app.inject({ method: 'GET', url });
      expect(reply.statusCode, url).toBe(507);
      const body = reply.json<{ code: string; message: string; remedy: string }>();
      expect(body.code).toBe('INSUFFICIENT_SPACE');
      expect(reply.body).not.toMatch(/ENOSPC|errno|\/srv/);
    }
    await app.close();
  });
});
