import { describe, expect, it } from "vitest";
import { hotQuery, Prisma, withPgClient } from "@/lib/db";
import { createTestAccount } from "@/tests/helpers/accounts";

describe("hot statements", () => {
  it("run again when they lose a deadlock, instead of failing the request", async () => {
    const first = await createTestAccount();
    const second = await createTestAccount();
    const touch = "UPDATE accounts SET updated_at = now() WHERE id = $1::uuid";

    await withPgClient(async (client) => {
      await client.query("BEGIN");
      await client.query(touch, [first.accountId]);
      // Locks `second`, then waits for `first`, which the open transaction holds.
      const statement = hotQuery<{ id: string }>("deadlock_probe", Prisma.sql`
        WITH locked AS (UPDATE accounts SET updated_at = now() WHERE id = ${second.accountId}::uuid RETURNING id)
        UPDATE accounts SET updated_at = now() WHERE id = ${first.accountId}::uuid AND EXISTS (SELECT 1 FROM locked) RETURNING id`);
      const outcome = statement.then(
        (rows) => ({ rows }),
        (error: unknown) => ({ error }),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The transaction now waits for `second`: a cycle. The statement, waiting longer, detects it and is the victim.
      await client.query(touch, [second.accountId]);
      await client.query("COMMIT");
      expect(await outcome).toEqual({ rows: [{ id: first.accountId }] });
    });
  });
});
