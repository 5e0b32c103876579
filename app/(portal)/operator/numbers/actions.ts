"use server";

import { revalidatePath } from "next/cache";
import { sessionAction } from "@/lib/auth/session-action";
import { assignInboundNumber, describeNumber, releaseInboundNumber } from "@/lib/inbound-numbers/manage-numbers";
import { assignInboundNumberInput } from "@/lib/inbound-numbers/schemas";

export const assignNumberAction = sessionAction(
  async ({ user, formData }) => {
    const keyword = formData.get("keyword");
    const input = assignInboundNumberInput.parse({
      accountId: formData.get("accountId"),
      number: formData.get("number"),
      keyword: typeof keyword === "string" && keyword.trim() !== "" ? keyword : undefined,
      zeroRated: formData.get("zeroRated") === "on",
    });
    const assigned = await assignInboundNumber(input, user.email);
    revalidatePath("/operator/numbers");
    return { status: "success", message: `${describeNumber(assigned.number, assigned.keyword)} assigned.` };
  },
  { operator: true },
);

export const releaseNumberAction = sessionAction(
  async ({ id }) => {
    const released = await releaseInboundNumber({ id: id("id", "Number") });
    revalidatePath("/operator/numbers");
    return { status: "success", message: `${describeNumber(released.number, released.keyword)} released from ${released.account.name}.` };
  },
  { operator: true },
);
