import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

export interface NetworkShare {
  country: string;
  operator: string;
  count: number;
}

/** The list's valid contacts (duplicates left out) by mobile network, largest first. */
export async function countContactNetworks(accountId: string, listId: string): Promise<NetworkShare[]> {
  const list = await db.contactList.findFirst({ where: { id: listId, accountId }, select: { id: true } });
  if (!list) throw notFound("Contact list");
  const rows = await db.$queryRaw<{ country: string; operator: string; count: bigint }[]>`
    SELECT v.country, v.operator, count(*) AS count FROM contact_verdicts v
    WHERE v.list_id = ${listId}::uuid AND v.status = 'valid' AND NOT v.is_duplicate
    GROUP BY v.country, v.operator ORDER BY count(*) DESC, v.operator`;
  return rows.map((row) => ({ country: row.country, operator: row.operator, count: Number(row.count) }));
}
