import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { topUpCredits } from "@/lib/credits/movements";
import { fieldError } from "@/lib/http/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export interface CreateAccountInput {
  name: string;
  owner: { email: string; name: string; password: string; isOperator?: boolean };
  defaultCountry?: string;
  timezone?: string;
  /** Initial credit in minor units, recorded as a top-up. */
  credits?: number | bigint;
  /** A sender ID created already approved (operator-created accounts). */
  approvedSenderId?: string;
  withApiKey?: boolean;
}

export interface CreatedAccount {
  accountId: string;
  userId: string;
  apiKey?: { id: string; key: string; prefix: string };
}

export function generateCallbackSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

/** Creates a tenant with its owner (and optionally credit, a sender ID and an API key) in one transaction. */
export async function createAccount(input: CreateAccountInput): Promise<CreatedAccount> {
  const passwordHash = await hashPassword(input.owner.password);
  try {
    return await db.$transaction(async (tx) => {
      const tier = await tx.pricingTier.findFirst({ where: { isDefault: true }, select: { id: true } });
      const account = await tx.account.create({
        data: {
          name: input.name,
          defaultCountry: input.defaultCountry ?? "KE",
          timezone: input.timezone ?? "Africa/Nairobi",
          pricingTierId: tier?.id ?? null,
          callbackSecret: generateCallbackSecret(),
        },
        select: { id: true },
      });
      const user = await tx.user.create({
        data: {
          accountId: account.id,
          email: input.owner.email.trim().toLowerCase(),
          name: input.owner.name,
          passwordHash,
          role: "owner",
          isOperator: input.owner.isOperator ?? false,
        },
        select: { id: true },
      });
      if (input.credits && BigInt(input.credits) > 0n) {
        await topUpCredits(account.id, input.credits, { description: "Opening credit" }, tx);
      }
      if (input.approvedSenderId) {
        await tx.senderId.create({
          data: { accountId: account.id, value: input.approvedSenderId, status: "approved", decidedAt: new Date() },
        });
      }
      const apiKey = input.withApiKey
        ? await createApiKey({ accountId: account.id, name: "Default key", createdById: user.id }, tx)
        : undefined;
      return {
        accountId: account.id,
        userId: user.id,
        apiKey: apiKey && { id: apiKey.id, key: apiKey.key, prefix: apiKey.prefix },
      };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw fieldError("conflict", "email", "An account with this email already exists");
    }
    throw error;
  }
}
