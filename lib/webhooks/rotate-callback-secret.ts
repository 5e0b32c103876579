import { generateCallbackSecret } from "@/lib/accounts/create-account";
import { db } from "@/lib/db";

export async function rotateCallbackSecret(accountId: string): Promise<string> {
  const callbackSecret = generateCallbackSecret();
  await db.account.update({ where: { id: accountId }, data: { callbackSecret } });
  return callbackSecret;
}
