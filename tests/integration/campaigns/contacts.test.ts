import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestAccount, type TestAccount } from "@/tests/helpers/accounts";
import { callRoute } from "@/tests/helpers/http";
import * as listsRoute from "@/app/api/v1/contact-lists/route";
import * as listRoute from "@/app/api/v1/contact-lists/[id]/route";
import * as contactsRoute from "@/app/api/v1/contact-lists/[id]/contacts/route";
import * as contactRoute from "@/app/api/v1/contact-lists/[id]/contacts/[contactId]/route";
import * as validateRoute from "@/app/api/v1/contact-lists/[id]/validate/route";
import { startContacts } from "@/workers/contacts";
import type { Closeable } from "@/workers/runtime";
import { waitForListReady } from "./helpers";

let worker: Closeable;
let account: TestAccount;

beforeAll(async () => {
  worker = startContacts();
  account = await createTestAccount({ credits: 10_000 });
});
afterAll(async () => {
  await worker.close();
});

const MESSY_CSV =
  "\uFEFFName,Phone Number,City\r\n" +
  "Alice,0712 345 678,Nairobi\r\n" +
  "Bob,712-345-679,Mombasa\r\n" +
  '"Carol, Jr.","+254 733 000 111","Kisumu"\r\n' +
  "Dup,254712345678,Nakuru\r\n" +
  "Land,020 222 2222,Nairobi\r\n" +
  "Junk,hello,Eldoret\r\n" +
  "Blank,,Thika\r\n" +
  "\r\n" +
  ",,\r\n" + // a row of empty cells is no contact

  "Abroad,+1 202 555 0143,Boston\r\n";

type Contact = { id: string; rowNumber: number; rawPhone: string; phone: string | null; status: string; reason: string | null; isDuplicate: boolean; fields: Record<string, string> };

async function contactsOf(listId: string, query = "") {
  const response = await callRoute<{ data: Contact[] }>(contactsRoute.GET, { path: `/v1/contact-lists/${listId}/contacts?limit=500${query}`, apiKey: account.apiKey, params: { id: listId } });
  expect(response.status).toBe(200);
  return response.body.data;
}

async function uploadMessyCsv() {
  const response = await callRoute<{ contactListId: string; jobId: string; status: string }>(listsRoute.POST, {
    path: "/v1/contact-lists?name=Messy",
    apiKey: account.apiKey,
    headers: { "content-type": "text/csv" },
    rawBody: MESSY_CSV,
  });
  expect(response.status).toBe(202);
  expect(response.body).toMatchObject({ status: "validating", jobId: expect.any(String) });
  return response.body.contactListId;
}

describe("contact lists", () => {
  it("gives a messy CSV the right verdicts: local formats, duplicates, landlines, garbage, empty cells, BOM, CRLF, quotes", async () => {
    const listId = await uploadMessyCsv();
    const list = await waitForListReady(listId);
    expect(list).toMatchObject({ totalCount: 8, validCount: 3, invalidCount: 4, duplicateCount: 1, pendingCount: 0, phoneColumn: "Phone Number", fields: ["name", "city"] });

    const byName = Object.fromEntries((await contactsOf(listId)).map((contact) => [contact.fields.name, contact]));
    expect(byName.Alice).toMatchObject({ status: "valid", phone: "+254712345678", isDuplicate: false, rowNumber: 1 });
    expect(byName.Bob).toMatchObject({ status: "valid", phone: "+254712345679" });
    expect(byName["Carol, Jr."]).toMatchObject({ status: "valid", phone: "+254733000111", fields: { name: "Carol, Jr.", city: "Kisumu" } });
    expect(byName.Dup).toMatchObject({ status: "valid", phone: "+254712345678", isDuplicate: true });
    expect(byName.Land).toMatchObject({ status: "invalid", reason: "not_mobile" });
    expect(byName.Junk).toMatchObject({ status: "invalid", reason: "invalid_format" });
    expect(byName.Blank).toMatchObject({ status: "invalid", reason: "empty" });
    expect(byName.Abroad).toMatchObject({ status: "invalid", reason: "invalid_country" });

    const invalid = await contactsOf(listId, "&status=invalid");
    expect(invalid.map((contact) => contact.reason).sort()).toEqual(["empty", "invalid_country", "invalid_format", "not_mobile"].sort());

    const detail = await callRoute<{ status: string; validCount: number; progress: number }>(listRoute.GET, { path: `/v1/contact-lists/${listId}`, apiKey: account.apiKey, params: { id: listId } });
    expect(detail.body).toMatchObject({ status: "ready", validCount: 3, progress: 1 });
  });

  it("fixes an invalid number inline, re-validates it and keeps counts and duplicates right", async () => {
    const listId = await uploadMessyCsv();
    await waitForListReady(listId);
    const junk = (await contactsOf(listId, "&status=invalid")).find((contact) => contact.rawPhone === "hello")!;

    const fixed = await callRoute<{ contact: Contact; counts: { valid: number; invalid: number; duplicates: number } }>(contactRoute.PATCH, {
      method: "PATCH",
      path: `/v1/contact-lists/${listId}/contacts/${junk.id}`,
      apiKey: account.apiKey,
      params: { id: listId, contactId: junk.id },
      body: { phone: "0722 000 111" },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.contact).toMatchObject({ status: "valid", phone: "+254722000111", reason: null });
    expect(fixed.body.counts).toMatchObject({ valid: 4, invalid: 3, duplicates: 1 });

    // Alice (row 1) takes Bob's number: the earlier row stays the contact, Bob becomes the duplicate
    // and the later copy of Alice's old number is no longer one.
    const alice = (await contactsOf(listId, "&status=valid")).find((contact) => contact.fields.name === "Alice")!;
    const moved = await callRoute<{ contact: Contact; counts: { valid: number; duplicates: number } }>(contactRoute.PATCH, {
      method: "PATCH",
      path: `/v1/contact-lists/${listId}/contacts/${alice.id}`,
      apiKey: account.apiKey,
      params: { id: listId, contactId: alice.id },
      body: { phone: "+254712345679" },
    });
    expect(moved.body.contact).toMatchObject({ phone: "+254712345679", isDuplicate: false });
    const after = await contactsOf(listId);
    expect(after.find((contact) => contact.fields.name === "Bob")!.isDuplicate).toBe(true);
    expect(after.find((contact) => contact.fields.name === "Dup")!.isDuplicate).toBe(false);
    expect(moved.body.counts).toMatchObject({ valid: 4, duplicates: 1 });

    const stillBad = await callRoute<{ contact: Contact }>(contactRoute.PATCH, {
      method: "PATCH",
      path: `/v1/contact-lists/${listId}/contacts/${junk.id}`,
      apiKey: account.apiKey,
      params: { id: listId, contactId: junk.id },
      body: { phone: "12" },
    });
    expect(stillBad.body.contact).toMatchObject({ status: "invalid", reason: "invalid_format" });
  });

  it("re-validates invalid contacts, exports them as CSV, removes them, and deletes the list", async () => {
    const listId = await uploadMessyCsv();
    await waitForListReady(listId);
    const again = await callRoute<{ status: string; jobId: string }>(validateRoute.POST, { path: `/v1/contact-lists/${listId}/validate`, apiKey: account.apiKey, params: { id: listId } });
    expect(again.status).toBe(202);
    const list = await waitForListReady(listId);
    expect(list).toMatchObject({ validCount: 3, invalidCount: 4, duplicateCount: 1 });

    const csv = await callRoute<string>(contactsRoute.GET, { path: `/v1/contact-lists/${listId}/contacts?status=invalid&format=csv`, apiKey: account.apiKey, params: { id: listId } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.body.trim().split("\r\n");
    expect(lines[0]).toBe("row,phone,normalised,status,reason,duplicate,name,city");
    expect(lines).toHaveLength(5);
    expect(lines.some((line) => line.includes("hello") && line.includes("invalid_format"))).toBe(true);

    const removed = await callRoute<{ removed: number; counts: { invalid: number; valid: number } }>(contactsRoute.DELETE, {
      method: "DELETE",
      path: `/v1/contact-lists/${listId}/contacts?status=invalid`,
      apiKey: account.apiKey,
      params: { id: listId },
    });
    expect(removed.body).toMatchObject({ removed: 4, counts: { invalid: 0, valid: 3 } });

    const deleted = await callRoute(listRoute.DELETE, { method: "DELETE", path: `/v1/contact-lists/${listId}`, apiKey: account.apiKey, params: { id: listId } });
    expect(deleted.status).toBe(204);
    expect(await db.contact.count({ where: { listId } })).toBe(0);
  });

  it("accepts a multipart upload with the phone column named, and JSON numbers", async () => {
    const boundary = "----semaBoundary42";
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nMultipart list\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="phoneColumn"\r\n\r\nmsisdn\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="c.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      `first,msisdn\nJane,0711000222\nJoe,0711000333\n\r\n--${boundary}--\r\n`;
    const multipart = await callRoute<{ contactListId: string }>(listsRoute.POST, {
      path: "/v1/contact-lists",
      apiKey: account.apiKey,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      rawBody: body,
    });
    expect(multipart.status).toBe(202);
    const list = await waitForListReady(multipart.body.contactListId);
    expect(list).toMatchObject({ name: "Multipart list", validCount: 2, fields: ["first"], phoneColumn: "msisdn" });

    const numbers = await callRoute<{ contactListId: string }>(listsRoute.POST, {
      path: "/v1/contact-lists",
      apiKey: account.apiKey,
      body: { name: "Pasted", numbers: ["0712 111 222", "0712111222", "nope"] },
    });
    expect(numbers.status).toBe(202);
    expect(await waitForListReady(numbers.body.contactListId)).toMatchObject({ validCount: 1, duplicateCount: 1, invalidCount: 1 });
  });

  it("keeps lists private to their account", async () => {
    const listId = await uploadMessyCsv();
    const other = await createTestAccount();
    const response = await callRoute(listRoute.GET, { path: `/v1/contact-lists/${listId}`, apiKey: other.apiKey, params: { id: listId } });
    expect(response.status).toBe(404);
    await waitForListReady(listId);
  });
});
