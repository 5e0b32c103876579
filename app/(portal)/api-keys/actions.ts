"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { IssuedKey } from "@/lib/api-keys/issued-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { rotateApiKey } from "@/lib/api-keys/rotate-api-key";
import { createApiKeyInput, rotateApiKeyInput } from "@/lib/api-keys/schemas";
import { requireUser } from "@/lib/auth/session";
import { domainFailure, formValues, validationFailed, type FormState } from "@/lib/form-state";

const keyId = z.uuid();

export async function createApiKeyAction(_previous: FormState<IssuedKey>, formData: FormData): Promise<FormState<IssuedKey>> {
  const user = await requireUser();
  const values = formValues(formData);
  const parsed = createApiKeyInput.safeParse({ name: formData.get("name") });
  if (!parsed.success) return validationFailed(parsed.error, values);
  const created = await createApiKey({ accountId: user.accountId, name: parsed.data.name, createdById: user.id });
  revalidatePath("/api-keys");
  return { status: "success", data: { name: created.name, prefix: created.prefix, key: created.key } };
}

export async function rotateApiKeyAction(_previous: FormState<IssuedKey>, formData: FormData): Promise<FormState<IssuedKey>> {
  const user = await requireUser();
  const id = keyId.safeParse(formData.get("id"));
  if (!id.success) return { status: "error", message: "That API key no longer exists." };
  const { graceHours } = rotateApiKeyInput.parse({});
  try {
    const rotated = await rotateApiKey(user.accountId, id.data, graceHours);
    revalidatePath("/api-keys");
    return { status: "success", data: { name: rotated.name, prefix: rotated.prefix, key: rotated.key, graceHours } };
  } catch (error) {
    return domainFailure(error, {});
  }
}

export async function revokeApiKeyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = keyId.safeParse(formData.get("id"));
  if (!id.success) return { status: "error", message: "That API key no longer exists." };
  try {
    const revoked = await revokeApiKey(user.accountId, id.data);
    revalidatePath("/api-keys");
    return { status: "success", message: `Revoked “${revoked.name}”. Requests using it are now refused.` };
  } catch (error) {
    return domainFailure(error, {});
  }
}
