import { beforeAll, describe, expect, it } from "vitest";
import * as listsRoute from "@/app/api/v1/contact-lists/route";
import * as contactsRoute from "@/app/api/v1/contact-lists/[id]/contacts/route";
import { importContactNumbers } from "@/lib/contacts/import-contacts";
import { reconcileValidationRuns, startValidationRun, validateContactChunk } from "@/lib/contacts/validate-contacts";
import { db } from "@/lib/db";
import { getQueue } from "@/lib/queue/enqueue";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import { startContacts } from "@/workers/contacts";
import { waitForListReady } from "./helpers";

// No contacts worker runs in this file unless a test starts one: the tests drive chunks themselves.
let account: TestAccount;

beforeAll(async () => {
  account = await createTestAccount();
});

const NUMBERS = ["0712 000 001", "0712000002", "254712000003", "+254712000001", "020 222 2222", "hello", "", "0733 000 004"];

async function runOf(listId: string) {
  return db.contactValidationRun.findFirstOrThrow({ where: { listId }, orderBy: { createdAt: "desc" } });
}

function chunkPayload(run: { id: string; listId: string; chunkStarts: bigint[]; chunkEnds: bigint[] }, chunk: number) {
  return { listId: run.listId, runId: run.id, chunk, fromId: run.chunkStarts[chunk].toString(), toId: run.chunkEnds[chunk].toString() };
}

/** The list's counts as its rows say they are (what the incremental counts must equal). */
async function recount(listId: string) {
  const [row] = await db.$queryRaw<{ total: bigint; valid: bigint; invalid: bigint; duplicates: bigint; verdicts: bigint }[]>`
    SELECT (SELECT count(*) FROM contacts WHERE list_id = ${listId}::uuid) AS total,
           count(*) FILTER (WHERE status = 'valid' AND NOT is_duplicate) AS valid,
           count(*) FILTER (WHERE status = 'invalid') AS invalid,
           count(*) FILTER (WHERE is_duplicate) AS duplicates,
           count(*) AS verdicts
    FROM contact_verdicts WHERE list_id = ${listId}::uuid`;
  return { total: Number(row.total), valid: Number(row.valid), invalid: Number(row.invalid), duplicates: Number(row.duplicates), verdicts: Number(row.verdicts) };
}

describe("contact validation chunks", () => {
  it("writes and counts a chunk that runs twice only once, and finishes with exact counts", async () => {
    const created = await importContactNumbers(account.accountId, "Twice", NUMBERS);
    await getQueue("contactsValidate").obliterate({ force: true });
    // A second run in chunks of three contacts, as if the first had been lost.
    await db.contactValidationRun.updateMany({ where: { listId: created.contactListId }, data: { status: "superseded" } });
    const started = await startValidationRun(created.contactListId, 3);
    expect(started).toMatchObject({ status: "validating", chunks: 3 });
    await getQueue("contactsValidate").obliterate({ force: true });
    const run = await runOf(created.contactListId);

    expect(await validateContactChunk(chunkPayload(run, 0))).toEqual({ validated: 3, finished: false });
    // The same chunk again (a retried or re-enqueued job): nothing left to judge, nothing counted.
    expect(await validateContactChunk(chunkPayload(run, 0))).toEqual({ validated: 0, finished: false });
    expect((await runOf(created.contactListId)).chunksDone).toBe(1);
    expect(await validateContactChunk(chunkPayload(run, 2))).toEqual({ validated: 2, finished: false });
    expect(await validateContactChunk(chunkPayload(run, 1))).toEqual({ validated: 3, finished: true });
    expect(await validateContactChunk(chunkPayload(run, 1))).toEqual({ validated: 0, finished: false });

    const list = await db.contactList.findUniqueOrThrow({ where: { id: created.contactListId } });
    const actual = await recount(created.contactListId);
    expect(actual).toEqual({ total: 8, valid: 4, invalid: 3, duplicates: 1, verdicts: 8 });
    expect(list).toMatchObject({ status: "ready", totalCount: 8, validCount: 4, invalidCount: 3, duplicateCount: 1, pendingCount: 0 });
    const notifications = await db.notification.count({ where: { accountId: account.accountId, type: "contact_list.validated", link: `/contacts/${created.contactListId}` } });
    expect(notifications).toBe(1);
  });

  it("re-enqueues the chunks of a run whose jobs Redis lost, and the list becomes ready", async () => {
    const created = await importContactNumbers(account.accountId, "Lost jobs", NUMBERS);
    await getQueue("contactsValidate").obliterate({ force: true });
    await db.$executeRaw`UPDATE contact_validation_runs SET updated_at = now() - interval '10 minutes' WHERE list_id = ${created.contactListId}::uuid`;
    // A run that is recent (progressing) is left alone.
    expect(await reconcileValidationRuns(3_600)).toBe(0);
    expect(await reconcileValidationRuns(60)).toBeGreaterThanOrEqual(1);
    const worker = startContacts();
    try {
      const list = await waitForListReady(created.contactListId);
      expect(list).toMatchObject({ validCount: 4, invalidCount: 3, duplicateCount: 1, pendingCount: 0 });
    } finally {
      await worker.close();
    }
  });

  it("finishes a run whose chunks were all written but which never finished", async () => {
    const created = await importContactNumbers(account.accountId, "Unfinished", NUMBERS);
    await getQueue("contactsValidate").obliterate({ force: true });
    const run = await runOf(created.contactListId);
    await validateContactChunk(chunkPayload(run, 0));
    // As if the worker died between the last chunk and finishing: the run is still "running".
    await db.$executeRaw`UPDATE contact_validation_runs SET status = 'running', updated_at = now() - interval '10 minutes' WHERE id = ${run.id}::uuid`;
    await db.contactList.update({ where: { id: created.contactListId }, data: { status: "validating" } });
    expect(await reconcileValidationRuns(60)).toBeGreaterThanOrEqual(1);
    expect(await db.contactList.findUniqueOrThrow({ where: { id: created.contactListId } })).toMatchObject({ status: "ready", validCount: 4 });
  });

  it("keeps tabs, backslashes, quotes, line breaks and non-Latin text of CSV fields intact (NUL characters dropped)", async () => {
    const csv =
      'phone,name,note\n' +
      '0712000111,"Tab\there","back\\slash \\N and ""quotes"""\n' +
      '0712000112,"Line\nbreak","Ünïcödé ✓ 漢字 مرحبا"\n' +
      '0712\u0000000113,"Nul\u0000led",plain\n';
    const response = await callRoute<{ contactListId: string }>(listsRoute.POST, {
      path: "/v1/contact-lists?name=Odd",
      apiKey: account.apiKey,
      headers: { "content-type": "text/csv" },
      rawBody: csv,
    });
    expect(response.status).toBe(202);
    const worker = startContacts();
    try {
      await waitForListReady(response.body.contactListId);
    } finally {
      await worker.close();
    }
    const contacts = await callRoute<{ data: { rawPhone: string; phone: string | null; fields: Record<string, string> }[] }>(contactsRoute.GET, {
      path: `/v1/contact-lists/${response.body.contactListId}/contacts`,
      apiKey: account.apiKey,
      params: { id: response.body.contactListId },
    });
    expect(contacts.body.data.map((contact) => contact.fields)).toEqual([
      { name: "Tab\there", note: 'back\\slash \\N and "quotes"' },
      { name: "Line\nbreak", note: "Ünïcödé ✓ 漢字 مرحبا" },
      { name: "Nulled", note: "plain" },
    ]);
    expect(contacts.body.data.map((contact) => contact.phone)).toEqual(["+254712000111", "+254712000112", "+254712000113"]);
  });
});
