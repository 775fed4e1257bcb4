/**
 * The support bundle as the app API carries it: the preview the customer reads before exporting (each file's name,
 * size in the bundle and redacted text, cut for the screen), and where the export was written.
 */
import { z } from 'zod';

export const SupportPreviewFileSchema = z.object({
  /** The file's path inside the bundle, e.g. `logs/app.log`. */
  name: z.string(),
  /** Its size in the bundle (redacted, before compression). */
  bytes: z.number().int().min(0),
  /** The redacted text as it will be sent, cut for the screen when `truncated`. */
  text: z.string(),
  truncated: z.boolean(),
});

export const SupportPreviewSchema = z.object({ files: z.array(SupportPreviewFileSchema) });

/** Absent path: into the download folder, under a name with the time. */
export const SupportExportInputSchema = z.object({ path: z.string().min(1).max(4_096).optional() }).strict();

export const SupportExportSchema = z.object({ path: z.string(), bytes: z.number().int().min(0) });

export type SupportPreview = z.infer<typeof SupportPreviewSchema>;
export type SupportPreviewFile = z.infer<typeof SupportPreviewFileSchema>;
export type SupportExport = z.infer<typeof SupportExportSchema>;
