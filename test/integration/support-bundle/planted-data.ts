/**
 * A data directory as a desktop leaves it after a bad day, with a secret of every kind the bundle must hide planted
 * where it could end up: the log, the settings, the operation records and a failed installation's log.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileLogger } from '../../../electron/core/logging/index.js';
import { OperationLog } from '../../../electron/core/operations/index.js';
import { SettingsService } from '../../../electron/core/settings.js';

export const SECRETS = {
  token: 'hck_live_9f8e7d6c5b4a39281706',
  password: 'Hunter2Hunter2',
  proxyPassword: 'ProxyPa55word',
  basicAuth: 'dXNlcjpzZWNyZXQ=',
  grantKey: 'q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=',
  emailLocalPart: 'dana.keller',
} as const;

export const EMAIL = `${SECRETS.emailLocalPart}@clinic.example`;

export async function plantDataDirectory(dir: string): Promise<void> {
  const clock = { now: () => new Date('2025-03-01T12:00:00Z') };
  new SettingsService(dir).update({
    portalUrl: 'https://portal.example.com',
    proxyUrl: `http://proxyuser:${SECRETS.proxyPassword}@proxy.example.com:3128`,
  });

  // One line through the logger (redacted as written) and one as an older version might have left it, unredacted.
  const log = fileLogger(join(dir, 'logs'), { clock });
  log.warn('the portal refused the sign-in', { email: EMAIL, password: SECRETS.password });
  log.close();
  await writeFile(
    join(dir, 'logs', 'app.log.1'),
    `${JSON.stringify({ time: '2025-02-28T09:00:00.000Z', level: 'info', message: `signed in as ${EMAIL} with Bearer ${SECRETS.token}` })}\n`,
  );

  const operations = OperationLog.inDataDirectory(dir, clock);
  await operations.append('request', `Request opened by ${EMAIL}`, { email: EMAIL, token: SECRETS.token });
  await operations.append('install', 'Installed atlas 1.9.0 on SN-1001', { serialNumber: 'SN-1001', version: '1.9.0' });

  await mkdir(join(dir, 'failures'), { recursive: true });
  await writeFile(
    join(dir, 'failures', '20250301T120000000Z-SN-1002.json'),
    JSON.stringify({
      id: '20250301T120000000Z-SN-1002',
      code: 'INSTALL_FAILED',
      message: 'The installer stopped with exit code 3.',
      details: {
        serialNumber: 'SN-1002',
        log: `connecting with password=${SECRETS.password}\nAuthorization: Basic ${SECRETS.basicAuth}\nHICARE_GRANT_KEY=${SECRETS.grantKey}\nexit 3`,
      },
    }),
  );
}
