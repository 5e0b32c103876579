"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

export async function markAllNotificationsReadAction(): Promise<void> {
  const user = await requireUser();
  await markNotificationsRead(user.accountId);
  revalidatePath("/", "layout");
}
