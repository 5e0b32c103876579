import { AppError } from "@/lib/http/errors";
import { isJsonContentType, parseJsonBody, validate } from "@/lib/http/parse";
import { importContactNumbers, importContactsCsv, type ImportResult } from "@/lib/contacts/import-contacts";
import { multipartBoundary, openMultipartUpload } from "@/lib/contacts/multipart-upload";
import { createContactListFromNumbersInput, csvUploadOptions } from "@/lib/contacts/schemas";

/** JSON lists carry at most MAX_JSON_NUMBERS short strings; anything bigger belongs in a CSV upload. */
const MAX_NUMBERS_BODY_BYTES = 1024 * 1024;

function isCsvContentType(contentType: string): boolean {
  return /^(text\/csv|text\/plain|application\/csv|application\/vnd\.ms-excel)\b/i.test(contentType.trim());
}

function queryOptions(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams.entries());
}

/**
 * `POST /v1/contact-lists` and the portal upload: a CSV body (text/csv, options in the query),
 * a multipart form with a file part (options as fields before the file), or JSON `{ name, numbers }`.
 * The CSV is streamed straight into the database; the web process never holds the file.
 */
export async function createContactListFromRequest(accountId: string, request: Request): Promise<ImportResult> {
  const contentType = request.headers.get("content-type") ?? "";
  if (isJsonContentType(request)) {
    const input = await parseJsonBody(request, createContactListFromNumbersInput, MAX_NUMBERS_BODY_BYTES);
    return importContactNumbers(accountId, input.name, input.numbers);
  }
  if (!request.body) throw new AppError("validation_failed", "The request has no body");
  const boundary = multipartBoundary(contentType);
  if (boundary) {
    const upload = openMultipartUpload(request.body, boundary);
    const fields = await upload.ready;
    const options = validate(csvUploadOptions, { ...queryOptions(request), ...fields });
    return importContactsCsv(accountId, upload.file, options);
  }
  if (isCsvContentType(contentType)) {
    return importContactsCsv(accountId, request.body, validate(csvUploadOptions, queryOptions(request)));
  }
  throw new AppError("unsupported_media_type", "Send text/csv, multipart/form-data with a file, or application/json { name, numbers }");
}
