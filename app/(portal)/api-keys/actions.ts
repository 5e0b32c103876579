"use server";

import { revalidatePath } from "next/cache";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { IssuedKey } from "@/lib/api-keys/issued-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { rotateApiKey } from "@/lib/api-keys/rotate-api-key";
import { createApiKeyInput, rotateApiKeyInput } from "@/lib/api-keys/schemas";
import { sessionAction } from "@/lib/auth/session-action";

export const createApiKeyAction = sessionAction<IssuedKey>(async ({ user, formData }) => {
  const { name } = createApiKeyInput.parse({ name: formData.get("name") });
  const created = await createApiKey({ accountId: user.accountId, name, createdById: user.id });
  revalidatePath("/api-keys");
  return { status: "success", data: { name: created.name, prefix: created.prefix, key: created.key } };
});

export const rotateApiKeyAction = sessionAction<IssuedKey>(async ({ user, id }) => {
  const keyId = id("id", "API key");
  const { graceHours } = rotateApiKeyInput.parse({});
  const rotated = await rotateApiKey(user.accountId, keyId, graceHours);
  revalidatePath("/api-keys");
  return { status: "success", data: { name: rotated.name, prefix: rotated.prefix, key: rotated.key, graceHours } };
});

export const revokeApiKeyAction = sessionAction(async ({ user, id }) => {
  const revoked = await revokeApiKey(user.accountId, id("id", "API key"));
  revalidatePath("/api-keys");
  return { status: "success", message: `Revoked “${revoked.name}”. Requests using it are now refused.` };
});
