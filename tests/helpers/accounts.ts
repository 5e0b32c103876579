import { randomBytes } from "node:crypto";
import { createAccount } from "@/lib/accounts/create-account";

export interface TestAccount {
  accountId: string;
  userId: string;
  apiKey: string;
  email: string;
  password: string;
  senderId: string;
}

/** A fresh tenant with an owner, an approved sender ID, an API key and the given credit. */
export async function createTestAccount(options: { credits?: number; senderId?: string; name?: string } = {}): Promise<TestAccount> {
  const suffix = randomBytes(4).toString("hex");
  const email = `owner-${suffix}@example.test`;
  const password = `pw-${randomBytes(8).toString("hex")}`;
  const senderId = options.senderId ?? "SEMATEST";
  const created = await createAccount({
    name: options.name ?? `Test Org ${suffix}`,
    owner: { email, name: "Test Owner", password },
    credits: options.credits ?? 100_000,
    approvedSenderId: senderId,
    withApiKey: true,
  });
  return { accountId: created.accountId, userId: created.userId, apiKey: created.apiKey!.key, email, password, senderId };
}
