/**
 * The renderer↔main API, declared once. The Electron preload, the IPC handlers, the web host's routes and the
 * renderer's client are all derived from this object (see shared/api/), so a method exists everywhere or nowhere and
 * its arguments are validated on the main side whichever transport carried them.
 */
import { z } from 'zod';
import { defineAppApi } from '../api/define.js';
import { InstantSchema } from './common.js';

export const HOST_KINDS = ['electron', 'web'] as const;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(HOST_KINDS),
  platform: z.string(),
  portalUrl: z.string().nullable(),
  uiBuilt: z.boolean(),
});

export const SettingsSchema = z.object({
  portalUrl: z.url().nullable(),
  proxyUrl: z.url().nullable(),
  caBundlePath: z.string().max(1_000).nullable(),
  downloadDirectory: z.string().max(1_000).nullable(),
  checkEveryHours: z.number().int().min(1).max(168),
  includePreviews: z.boolean(),
  /** A root.json the user chose to trust for this portal (the demo's, a staging portal's); the shipped root when null. */
  trustRootPath: z.string().max(1_000).nullable(),
  /** Where products of systems on this desktop are installed (`{target}` of the installers); per system a folder below. */
  installRoot: z.string().max(1_000).nullable(),
});

export const SettingsPatchSchema = SettingsSchema.partial().strict();

export const appApi = defineAppApi({
  methods: {
    'app.info': { input: z.object({}).strict(), output: AppInfoSchema },
    'settings.get': { input: z.object({}).strict(), output: SettingsSchema },
    'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },
  },
  events: {
    /** A background check found releases the user has not seen yet. */
    'updates.available': z.object({ count: z.number().int().min(0), checkedAt: InstantSchema }),
    'settings.changed': SettingsSchema,
  },
});

export type AppApi = typeof appApi;
export type AppInfo = z.infer<typeof AppInfoSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
