import type { Database } from '../../src/store/database.ts';
import type { WorkerReport } from './dispatch-worker.ts';

/** How many messages went out once, twice or never, from the processes' and the database's view. */
export interface DeliveryCheck {
  delivered: number;
  duplicates: number;
  missing: number;
  /** Rows not marked sent (failed, skipped or still pending). */
  notSent: number;
  exactlyOnce: boolean;
}

/** Compares what the processes delivered with the `expected` rows of the database. */
export async function checkDeliveries(
  db: Database,
  reports: WorkerReport[],
  expected: number,
): Promise<DeliveryCheck> {
  const keys = reports.flatMap((report) => report.sentKeys);
  const distinct = new Set(keys);
  const rows = await db.client.notification.findMany({ select: { key: true, status: true } });
  const missing = rows.filter((row) => !distinct.has(row.key)).length;
  const notSent = rows.filter((row) => row.status !== 'sent').length;
  const duplicates = keys.length - distinct.size;
  return {
    delivered: distinct.size,
    duplicates,
    missing,
    notSent,
    exactlyOnce: rows.length === expected && duplicates === 0 && missing === 0 && notSent === 0,
  };
}

export const round = (value: number, digits = 0) => Number(value.toFixed(digits));
