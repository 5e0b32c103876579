import { generateCallbackSecret } from "@/lib/accounts/create-account";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

export async function rotateCallbackSecret(accountId: string): Promise<string> {
  const callbackSecret = generateCallbackSecret();
  await db.account.update({ where: { id: accountId }, data: { callbackSecret } });
  await recordAudit({ action: "callback_secret.rotate", accountId, target: { type: "account", id: accountId }, after: { callbackSecret } });
  return callbackSecret;
}
