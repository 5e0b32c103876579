import { db, Prisma } from "@/lib/db";
import { AppError, fieldError, notFound } from "@/lib/http/errors";
import { normaliseInboundNumber } from "@/lib/inbound-numbers/normalise-number";
import type { CreateKeywordInput, KeywordActionValue, UpdateKeywordInput } from "@/lib/keywords/schemas";
import { requiredKeywordAction, STANDARD_KEYWORDS, standardAction, type StandardAction } from "@/lib/keywords/standard-keywords";

const keywordFields = {
  id: true,
  keyword: true,
  action: true,
  reply: true,
  createdAt: true,
  updatedAt: true,
  inboundNumber: { select: { number: true } },
} as const;

type KeywordRow = Prisma.KeywordGetPayload<{ select: typeof keywordFields }>;

export interface KeywordView {
  id: string;
  keyword: string;
  action: KeywordActionValue;
  reply: string | null;
  /** The number it applies to; null = every number of the account. */
  number: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StandardKeywordView {
  keyword: string;
  action: StandardAction;
  /** The account has its own text for this word. */
  overridden: boolean;
}

function present(row: KeywordRow): KeywordView {
  const { inboundNumber, ...rest } = row;
  return { ...rest, number: inboundNumber?.number ?? null };
}

/** The account's keywords, and the standard keywords every account answers (and which it overrides). */
export async function listKeywords(accountId: string): Promise<{ data: KeywordView[]; standard: StandardKeywordView[] }> {
  const rows = await db.keyword.findMany({ where: { accountId }, select: keywordFields, orderBy: [{ keyword: "asc" }, { createdAt: "asc" }] });
  const own = new Set(rows.map((row) => row.keyword));
  const standard = Object.entries(STANDARD_KEYWORDS).map(([keyword, action]) => ({ keyword, action, overridden: own.has(keyword) }));
  return { data: rows.map(present), standard };
}

export async function getKeyword(accountId: string, id: string): Promise<KeywordView> {
  const row = await db.keyword.findFirst({ where: { id, accountId }, select: keywordFields });
  if (!row) throw notFound("Keyword");
  return present(row);
}

/** The inbound number row a keyword is scoped to: one of the account's own numbers, else 422. */
async function numberScope(accountId: string, raw: string | null | undefined): Promise<string | null> {
  if (raw === null || raw === undefined) return null;
  const normalised = normaliseInboundNumber(raw);
  const row = normalised
    ? await db.inboundNumber.findFirst({ where: { accountId, number: normalised.number }, select: { id: true }, orderBy: { createdAt: "asc" } })
    : null;
  if (!row) throw new AppError("validation_failed", "Request validation failed", [{ field: "number", message: `${raw} is not one of your inbound numbers` }]);
  return row.id;
}

/** Rules across fields: a reply needs its text; standard words keep what they do (only their text changes). */
function checkDefinition(keyword: string, action: KeywordActionValue, reply: string | null): void {
  const required = requiredKeywordAction(keyword);
  if (required !== null && required !== action) {
    const what = standardAction(keyword) === "help" ? "a reply" : `an ${required.replace("_", "-")}`;
    throw new AppError("validation_failed", "Request validation failed", [{ field: "action", message: `${keyword} is a standard keyword and must stay ${what} (action "${required}")` }]);
  }
  if (action === "reply" && !reply) {
    throw new AppError("validation_failed", "Request validation failed", [{ field: "reply", message: "is required when the action is reply" }]);
  }
}

function conflict(keyword: string): AppError {
  return fieldError("conflict", "keyword", `The keyword ${keyword} already exists for this number`);
}

async function saving<T>(keyword: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict(keyword);
    throw error;
  }
}

export async function createKeyword(accountId: string, input: CreateKeywordInput): Promise<KeywordView> {
  const reply = input.reply ?? null;
  checkDefinition(input.keyword, input.action, reply);
  const inboundNumberId = await numberScope(accountId, input.number);
  return present(
    await saving(input.keyword, () =>
      db.keyword.create({ data: { accountId, inboundNumberId, keyword: input.keyword, action: input.action, reply }, select: keywordFields }),
    ),
  );
}

export async function updateKeyword(accountId: string, id: string, input: UpdateKeywordInput): Promise<KeywordView> {
  const current = await db.keyword.findFirst({ where: { id, accountId }, select: { keyword: true, action: true, reply: true } });
  if (!current) throw notFound("Keyword");
  const keyword = input.keyword ?? current.keyword;
  const action = input.action ?? current.action;
  const reply = input.reply === undefined ? current.reply : input.reply;
  checkDefinition(keyword, action, reply);
  const inboundNumberId = input.number === undefined ? undefined : await numberScope(accountId, input.number);
  return present(
    await saving(keyword, () => db.keyword.update({ where: { id }, data: { keyword, action, reply, inboundNumberId }, select: keywordFields })),
  );
}

export async function deleteKeyword(accountId: string, id: string): Promise<void> {
  const deleted = await db.keyword.deleteMany({ where: { id, accountId } });
  if (deleted.count === 0) throw notFound("Keyword");
}
