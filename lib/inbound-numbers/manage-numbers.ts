import { db, Prisma } from "@/lib/db";
import { fieldError, notFound } from "@/lib/http/errors";
import type { AssignInboundNumberInput, ReleaseInboundNumberInput, UpdateInboundNumberInput } from "@/lib/inbound-numbers/schemas";

const numberFields = {
  id: true,
  accountId: true,
  number: true,
  keyword: true,
  kind: true,
  zeroRated: true,
  sendConfirmations: true,
  createdAt: true,
} as const;

export type InboundNumberView = Prisma.InboundNumberGetPayload<{ select: typeof numberFields }>;
export type OperatorNumberView = InboundNumberView & { account: { name: string }; assignedBy: string | null };

/** "22384" or "22384 (keyword ACME)", for messages. */
export function describeNumber(number: string, keyword: string | null): string {
  return keyword ? `${number} (keyword ${keyword})` : number;
}

/**
 * Gives an account a number, or one keyword of a shared short code. Confirmation replies to
 * STOP/START start off on zero-rated short codes (the subscriber would pay nothing, the account
 * would pay for every one) and on everywhere else. 409 when the number (and keyword) is taken.
 */
export async function assignInboundNumber(input: AssignInboundNumberInput, assignedBy: string | null): Promise<InboundNumberView> {
  const account = await db.account.findUnique({ where: { id: input.accountId }, select: { id: true } });
  if (!account) throw notFound("Account");
  const keyword = input.keyword ?? null;
  try {
    return await db.inboundNumber.create({
      data: {
        accountId: account.id,
        number: input.number.number,
        kind: input.number.kind,
        keyword,
        zeroRated: input.zeroRated,
        sendConfirmations: !input.zeroRated,
        assignedBy,
      },
      select: numberFields,
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw fieldError("conflict", keyword ? "keyword" : "number", `${describeNumber(input.number.number, keyword)} is already assigned`);
    }
    throw error;
  }
}

/**
 * Takes a number (or one keyword of it) away from its account. Its keywords go with it; inbound
 * messages already received stay in the account's inbox.
 */
export async function releaseInboundNumber(input: ReleaseInboundNumberInput | { id: string }): Promise<OperatorNumberView> {
  const [row] =
    "id" in input
      ? await db.$queryRaw<{ id: string }[]>`SELECT id FROM inbound_numbers WHERE id = ${input.id}::uuid`
      : await db.$queryRaw<{ id: string }[]>`
          SELECT id FROM inbound_numbers WHERE number = ${input.number.number} AND COALESCE(keyword, '') = ${input.keyword ?? ""}`;
  if (!row) throw notFound("id" in input ? "Inbound number" : `Inbound number ${describeNumber(input.number.number, input.keyword ?? null)}`);
  try {
    return await db.inboundNumber.delete({ where: { id: row.id }, select: { ...numberFields, assignedBy: true, account: { select: { name: true } } } });
  } catch (error) {
    // Released by someone else in the meantime.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") throw notFound("Inbound number");
    throw error;
  }
}

/** Every assigned number with its account (operators), optionally of one account. */
export async function listInboundNumbers(filter: { accountId?: string } = {}): Promise<OperatorNumberView[]> {
  return db.inboundNumber.findMany({
    where: filter.accountId ? { accountId: filter.accountId } : {},
    select: { ...numberFields, assignedBy: true, account: { select: { name: true } } },
    orderBy: [{ number: "asc" }, { keyword: { sort: "asc", nulls: "first" } }],
  });
}

/** An account's own numbers. */
export async function listAccountNumbers(accountId: string): Promise<InboundNumberView[]> {
  return db.inboundNumber.findMany({ where: { accountId }, select: numberFields, orderBy: [{ number: "asc" }, { keyword: "asc" }] });
}

export async function updateInboundNumber(accountId: string, id: string, input: UpdateInboundNumberInput): Promise<InboundNumberView> {
  const updated = await db.inboundNumber.updateManyAndReturn({
    where: { id, accountId },
    data: { sendConfirmations: input.sendConfirmations },
    select: numberFields,
  });
  if (updated.length === 0) throw notFound("Inbound number");
  return updated[0];
}
