"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { deleteContactList } from "@/lib/contacts/delete-contact-list";
import { removeInvalidContacts } from "@/lib/contacts/remove-invalid-contacts";
import { revalidateContactList } from "@/lib/contacts/revalidate-contact-list";
import { updateContact } from "@/lib/contacts/update-contact";
import { updateContactInput } from "@/lib/contacts/schemas";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";

export async function fixContactAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = updateContactInput.safeParse({ phone: formData.get("phone") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  try {
    const { contact } = await updateContact(user.accountId, values.listId, values.contactId, parsed.data);
    revalidatePath(`/contacts/${values.listId}`);
    return contact.status === "valid"
      ? { status: "success", message: `Fixed: ${contact.phone}` }
      : { status: "error", message: contact.reasonMessage ?? "Still not a valid number", values };
  } catch (error) {
    return domainFailure(error, values);
  }
}

export async function removeInvalidAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const listId = String(formData.get("listId"));
  await removeInvalidContacts(user.accountId, listId);
  revalidatePath(`/contacts/${listId}`);
}

export async function revalidateListAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const listId = String(formData.get("listId"));
  await revalidateContactList(user.accountId, listId, "invalid");
  revalidatePath(`/contacts/${listId}`);
}

export async function deleteListAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  await deleteContactList(user.accountId, String(formData.get("listId")));
  revalidatePath("/contacts");
  redirect("/contacts");
}
