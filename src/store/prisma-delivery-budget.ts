import type { SendBudget } from '../scheduler/send-budget.ts';
import { type DbClient, isPostgres } from './prisma-client.ts';

/**
 * One atomic write per reservation: the slot pointer of the platform moves on by `count`
 * intervals from itself or from now, whichever is later, and the new value comes back.
 */
const RESERVE_POSTGRES = `
INSERT INTO "DeliveryBudget" ("key", "nextAt") VALUES ($1, $2::float8 + $3::float8)
ON CONFLICT ("key") DO UPDATE
  SET "nextAt" = GREATEST("DeliveryBudget"."nextAt", $2::float8) + $3::float8
RETURNING "nextAt"`;
const RESERVE_SQLITE = `
INSERT INTO "DeliveryBudget" ("key", "nextAt") VALUES (?, ? + ?)
ON CONFLICT ("key") DO UPDATE SET "nextAt" = MAX("DeliveryBudget"."nextAt", ?) + ?
RETURNING "nextAt"`;

/**
 * Send slots kept in the `DeliveryBudget` table, so that every process on the database shares a
 * platform's rate (the limit belongs to the bot, not to a process).
 */
export class PrismaSendBudget implements SendBudget {
  constructor(private readonly db: DbClient) {}

  async reserve(key: string, count: number, intervalMs: number, now: number): Promise<number> {
    const span = count * intervalMs;
    const rows = isPostgres(this.db)
      ? await this.db.$queryRawUnsafe<{ nextAt: number }[]>(RESERVE_POSTGRES, key, now, span)
      : await this.db.$queryRawUnsafe<{ nextAt: number }[]>(
          RESERVE_SQLITE,
          key,
          now,
          span,
          now,
          span,
        );
    return Number(rows[0]?.nextAt) - span;
  }
}
