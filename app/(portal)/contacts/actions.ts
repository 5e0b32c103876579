"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { sessionAction } from "@/lib/auth/session-action";
import { deleteContactList } from "@/lib/contacts/delete-contact-list";
import { removeInvalidContacts } from "@/lib/contacts/remove-invalid-contacts";
import { revalidateContactList } from "@/lib/contacts/revalidate-contact-list";
import { updateContact } from "@/lib/contacts/update-contact";
import { updateContactInput } from "@/lib/contacts/schemas";

export const fixContactAction = sessionAction(async ({ user, formData, values, id }) => {
  const listId = id("listId", "Contact list");
  const input = updateContactInput.parse({ phone: formData.get("phone") });
  const { contact } = await updateContact(user.accountId, listId, values.contactId ?? "", input);
  revalidatePath(`/contacts/${listId}`);
  return contact.status === "valid"
    ? { status: "success", message: `Fixed: ${contact.phone}` }
    : { status: "error", message: contact.reasonMessage ?? "Still not a valid number", values };
}, { role: "member" });

export const removeInvalidAction = sessionAction(async ({ user, id }) => {
  const listId = id("listId", "Contact list");
  const { removed } = await removeInvalidContacts(user.accountId, listId);
  revalidatePath(`/contacts/${listId}`);
  return { status: "success", message: removed === 1 ? "Removed 1 invalid number." : `Removed ${removed} invalid numbers.` };
}, { role: "member" });

export const revalidateListAction = sessionAction(async ({ user, id }) => {
  const listId = id("listId", "Contact list");
  await revalidateContactList(user.accountId, listId, "invalid");
  revalidatePath(`/contacts/${listId}`);
  return { status: "success", message: "Re-validating the invalid numbers." };
}, { role: "member" });

export const deleteListAction = sessionAction(async ({ user, id }) => {
  await deleteContactList(user.accountId, id("listId", "Contact list"));
  revalidatePath("/contacts");
  redirect("/contacts");
}, { role: "member" });
