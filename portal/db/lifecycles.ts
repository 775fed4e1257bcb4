/** The lifecycle of each product's major line, as `lifecycle set` records it and the verdicts read it. */
import type { Kysely } from 'kysely';
import { LifecycleSchema } from '../../shared/contracts/catalog.js';
import { assertLifecycle, type LineLifecycle } from '../../shared/domain/release.js';
import type { Database, LifecyclesTable } from './schema.js';
import { checkInput, compareText } from './support.js';

function toLifecycle(row: LifecyclesTable): LineLifecycle {
  const l: LineLifecycle = { product: row.product, major: Number(row.major), ga: row.ga };
  if (row.end_of_maintenance !== null) l.endOfMaintenance = row.end_of_maintenance;
  if (row.end_of_service !== null) l.endOfService = row.end_of_service;
  return l;
}

/** Creates or replaces the lifecycle of one major line. */
export async function setLifecycle(db: Kysely<Database>, lifecycle: LineLifecycle): Promise<LineLifecycle> {
  checkInput(LifecycleSchema, lifecycle, 'lifecycle');
  assertLifecycle(lifecycle);
  const row: LifecyclesTable = {
    product: lifecycle.product,
    major: lifecycle.major,
    ga: lifecycle.ga,
    end_of_maintenance: lifecycle.endOfMaintenance ?? null,
    end_of_service: lifecycle.endOfService ?? null,
  };
  await db
    .insertInto('lifecycles')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['product', 'major'])
        .doUpdateSet({ ga: row.ga, end_of_maintenance: row.end_of_maintenance, end_of_service: row.end_of_service }),
    )
    .execute();
  return toLifecycle(row);
}

/** Every line's lifecycle, or one product's; ordered by product, then major. */
export async function listLifecycles(
  db: Kysely<Database>,
  filter: { product?: string } = {},
): Promise<LineLifecycle[]> {
  let query = db.selectFrom('lifecycles').selectAll();
  if (filter.product !== undefined) query = query.where('product', '=', filter.product);
  const rows = await query.execute();
  return rows.map(toLifecycle).sort((a, b) => compareText(a.product, b.product) || a.major - b.major);
}
