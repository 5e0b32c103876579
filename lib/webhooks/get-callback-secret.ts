import { db } from "@/lib/db";
import { notFound } from "@/lib/http/errors";

/** The secret that signs per-message and per-campaign callbacks (shown in the portal). */
export async function getCallbackSecret(accountId: string): Promise<string> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { callbackSecret: true } });
  if (!account) throw notFound("Account");
  return account.callbackSecret;
}
