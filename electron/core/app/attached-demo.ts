/**
 * A demo portal run by another process: `npm start` runs the demo beside Electron (see electron/demo/run.ts) and
 * names, in $HICARE_DEMO_PORTAL_FILE, a file (0600, it holds the demo passwords) that says where it listens, which
 * root to trust and which accounts to offer. The shell reads it through this launcher, so it never loads the portal.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DemoAccountSchema } from '../../../shared/contracts/app-views.js';
import { HicareError } from '../../../shared/errors.js';
import type { DemoLauncher, RunningDemo } from './demo-port.js';

export const DEMO_FILE_VARIABLE = 'HICARE_DEMO_PORTAL_FILE';

export const AttachedDemoSchema = z.object({
  url: z.url(),
  rootFile: z.string(),
  accounts: z.array(DemoAccountSchema),
});
export type AttachedDemo = z.infer<typeof AttachedDemoSchema>;

export const attachedDemo: DemoLauncher = {
  wanted: ({ env }) => Promise.resolve((env[DEMO_FILE_VARIABLE] ?? '') !== '' && (env['HICARE_PORTAL'] ?? '') === ''),
  start: async ({ env }): Promise<RunningDemo> => {
    const file = env[DEMO_FILE_VARIABLE] ?? '';
    const parsed = await readFile(file, 'utf8')
      .then((text) => AttachedDemoSchema.safeParse(JSON.parse(text)))
      .catch(() => null);
    if (parsed === null || !parsed.success) {
      throw new HicareError('INVALID_INPUT.attachedDemoUnreadable');
    }
    // The process that runs the demo stops it; the app only stops using it.
    return { ...parsed.data, close: () => Promise.resolve() };
  },
};
