import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { acceptedContactList, contactListDetail, contactListList, contactPage, removedContacts, updatedContact } from "@/lib/contacts/responses";
import { createContactListFromNumbersInput, csvUploadOptions, listContactListsQuery, listContactsQuery, removeContactsQuery, revalidateContactListQuery, updateContactInput } from "@/lib/contacts/schemas";
import { apiOperation, uuidPath } from "@/lib/openapi/operation";

const listPath = uuidPath("id");

export const contactListPaths: ZodOpenApiPathsObject = {
  "/v1/contact-lists": {
    get: apiOperation({ operationId: "listContactLists", tag: "Contact lists", summary: "List contact lists", query: listContactListsQuery, success: { status: 200, description: "Contact lists, newest first", schema: contactListList } }),
    post: apiOperation({
      operationId: "createContactList",
      tag: "Contact lists",
      summary: "Upload a contact list",
      description: "JSON `{ name, numbers }`, a `text/csv` body (options in the query), or `multipart/form-data` with a `file` and the same options as fields. Validation runs in the background.",
      query: csvUploadOptions,
      body: {
        required: true,
        content: {
          "application/json": { schema: createContactListFromNumbersInput },
          "text/csv": { schema: z.string().meta({ description: "A CSV with a phone column" }) },
          "multipart/form-data": { schema: csvUploadOptions.extend({ file: z.string().meta({ format: "binary" }) }) },
        },
      },
      success: { status: 202, description: "Stored; validation has started", schema: acceptedContactList },
    }),
  },
  "/v1/contact-lists/{id}": {
    get: apiOperation({ operationId: "getContactList", tag: "Contact lists", summary: "Get a contact list", path: listPath, success: { status: 200, description: "The list and its counts", schema: contactListDetail } }),
    delete: apiOperation({ operationId: "deleteContactList", tag: "Contact lists", summary: "Delete a contact list", path: listPath, errors: [409], success: { status: 204, description: "Deleted" } }),
  },
  "/v1/contact-lists/{id}/contacts": {
    get: apiOperation({
      operationId: "listContacts",
      tag: "Contact lists",
      summary: "List contacts",
      description: "`?status=invalid` filters; `?format=csv` downloads the matching contacts as CSV.",
      path: listPath,
      query: listContactsQuery,
      success: {
        status: 200,
        description: "One page of contacts, or the CSV download",
        content: { "application/json": { schema: contactPage }, "text/csv": { schema: z.string() } },
      },
    }),
    delete: apiOperation({
      operationId: "removeInvalidContacts",
      tag: "Contact lists",
      summary: "Remove invalid contacts",
      path: listPath,
      query: removeContactsQuery,
      errors: [409],
      success: { status: 200, description: "How many were removed and the counts left", schema: removedContacts },
    }),
  },
  "/v1/contact-lists/{id}/contacts/{contactId}": {
    patch: apiOperation({
      operationId: "updateContact",
      tag: "Contact lists",
      summary: "Fix a contact's number",
      description: "The number is re-validated at once.",
      path: z.object({ id: z.uuid(), contactId: z.string().regex(/^\d+$/) }),
      body: updateContactInput,
      errors: [409],
      success: { status: 200, description: "The contact and the list's counts", schema: updatedContact },
    }),
  },
  "/v1/contact-lists/{id}/validate": {
    post: apiOperation({
      operationId: "revalidateContactList",
      tag: "Contact lists",
      summary: "Re-validate a contact list",
      description: "Re-validates the invalid contacts (`?scope=all`: every contact).",
      path: listPath,
      query: revalidateContactListQuery,
      errors: [409],
      success: { status: 202, description: "Validation has started", schema: acceptedContactList },
    }),
  },
};
