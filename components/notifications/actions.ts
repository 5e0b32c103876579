"use server";

import { revalidatePath } from "next/cache";
import { sessionAction } from "@/lib/auth/session-action";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

export const markAllNotificationsReadAction = sessionAction(async ({ user }) => {
  await markNotificationsRead(user.accountId);
  revalidatePath("/", "layout");
  return { status: "success" };
}, { role: "member" });
