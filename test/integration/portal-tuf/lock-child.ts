/**
 * A second process for the locking tests: `publish <repoDir> <keysDir> <name> <file>` publishes one release into a
 * folder repository; `hold-advisory <postgresUrl> <schema>` takes the PostgreSQL publish lock, says "held" and keeps
 * it until killed.
 */
import { ReleaseTargetCustomSchema } from '../../../shared/contracts/catalog.js';
import { openDatabase } from '../../../portal/db/connection.js';
import { AdvisoryRepositoryLock } from '../../../portal/tuf/lock.js';
import { openRepository } from '../../../portal/tuf/repository.js';
import { releaseCustom } from './helpers.js';

const [mode, a = '', b = '', c = '', d = ''] = process.argv.slice(2);
if (mode === 'publish') {
  await openRepository({ repoDir: a, keysDir: b }).addTarget({
    name: c,
    path: d,
    custom: ReleaseTargetCustomSchema.parse(releaseCustom()),
  });
} else if (mode === 'hold-advisory') {
  const db = openDatabase({ databaseUrl: a, schema: b });
  await new AdvisoryRepositoryLock(db).run(async () => {
    process.stdout.write('held\n');
    await new Promise(() => undefined);
  });
}
