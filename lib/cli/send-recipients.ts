import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { AppError } from "@/lib/http/errors";
import { validate } from "@/lib/http/parse";
import { acceptMessageBatch } from "@/lib/messages/accept-message-batch";
import { MAX_BATCH_MESSAGES, batchRecipientsInput, type SendBatchResponse } from "@/lib/messages/batch-schemas";

export interface SendRecipientsOptions {
  to: string | string[] | boolean | undefined;
  file: string | string[] | boolean | undefined;
  from?: string;
  body?: string;
  priority?: string;
}

/** The numbers of a CSV file: the first column of each row, a header row (no digits) skipped. */
export async function readNumbersFile(path: string): Promise<string[]> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: "greedy" }).data;
  const numbers = rows.map((row) => (row[0] ?? "").trim()).filter((cell) => cell !== "");
  if (numbers.length > 0 && !/\d/.test(numbers[0])) numbers.shift();
  return numbers;
}

async function recipientsOf(options: SendRecipientsOptions): Promise<string[]> {
  const listed = typeof options.to === "string" ? [options.to] : Array.isArray(options.to) ? options.to : [];
  if (options.to === true) throw new AppError("validation_failed", "--to needs a number");
  if (options.file === true || Array.isArray(options.file)) throw new AppError("validation_failed", "--file takes one CSV file");
  const fromFile = typeof options.file === "string" ? await readNumbersFile(options.file) : [];
  return [...listed, ...fromFile];
}

/**
 * `smsctl send` with several recipients: the POST /v1/messages/batch flow in requests of at most
 * 1,000, each reserved in one statement. Results keep the order of `--to`s then the file's rows.
 */
export async function sendRecipients(accountId: string, options: SendRecipientsOptions): Promise<SendBatchResponse> {
  const recipients = await recipientsOf(options);
  if (recipients.length === 0) throw new AppError("validation_failed", "No recipients: give --to or a --file with numbers");
  const total: SendBatchResponse = { accepted: 0, refused: 0, cost: 0, results: [] };
  for (let start = 0; start < recipients.length; start += MAX_BATCH_MESSAGES) {
    const input = validate(batchRecipientsInput, {
      to: recipients.slice(start, start + MAX_BATCH_MESSAGES),
      from: options.from,
      body: options.body,
      priority: options.priority,
    });
    const { response } = await acceptMessageBatch({ accountId }, input);
    total.accepted += response.accepted;
    total.refused += response.refused;
    total.cost += response.cost;
    total.results.push(...response.results.map((result) => ({ ...result, index: result.index + start })));
  }
  return total;
}
