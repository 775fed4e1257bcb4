/**
 * The folder bulk downloads are copied into under their real names: the one chosen in the settings, else
 * `<data>/downloads` as the CLI uses, so both put a site's packages in the same place. A folder is checked before it
 * is kept: a full path, a folder (made when missing) this account may write to.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { isAbsolute, join, normalize } from 'node:path';
import type { DownloadFolderView } from '../../../shared/contracts/app-views.js';
import { HicareError } from '../../../shared/errors.js';
import { fileProblemError } from '../../../shared/file-words.js';
import { withFile } from '../files/file-error.js';
import type { SettingsService } from '../settings.js';

export class DownloadFolder {
  constructor(
    private readonly dataDirectory: string,
    private readonly settings: SettingsService,
  ) {}

  view(): DownloadFolderView {
    const chosen = this.settings.get().downloadDirectory;
    return chosen === null
      ? { folder: join(this.dataDirectory, 'downloads'), isDefault: true }
      : { folder: chosen, isDefault: false };
  }

  path(): string {
    return this.view().folder;
  }

  /** Keeps `folder` once it is usable; null goes back to the default. A refused folder leaves the setting as it was. */
  async choose(folder: string | null): Promise<DownloadFolderView> {
    if (folder === null) {
      this.settings.update({ downloadDirectory: null });
      return this.view();
    }
    if (!isAbsolute(folder)) throw new HicareError('INVALID_INPUT.downloadFolderNotFull', { path: folder }, { folder });
    const path = normalize(folder);
    const use = { file: 'downloadFolder', path } as const;
    const found = await stat(path).catch(() => null);
    if (found !== null && !found.isDirectory()) throw fileProblemError('not-a-folder', use);
    if (found === null) await withFile(use, () => mkdir(path, { recursive: true }));
    await withFile(use, () => access(path, constants.W_OK));
    this.settings.update({ downloadDirectory: path });
    return this.view();
  }
}
