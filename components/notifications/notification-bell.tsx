import Link from "next/link";
import { markAllNotificationsReadAction } from "@/components/notifications/actions";
import { ActionForm } from "@/components/ui/action-form";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { formatZonedDateTime } from "@/lib/format-zoned";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/list-notifications";

/** Bell with the unread count; opens the latest notifications (list validated, campaign finished…). */
export async function NotificationBell({ accountId }: { accountId: string }) {
  const [unread, items, account] = await Promise.all([countUnreadNotifications(accountId), listNotifications(accountId, 10), getAccountSummary(accountId)]);
  return (
    <details className="relative" data-testid="notifications">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8M10 20a2 2 0 0 0 4 0" />
        </svg>
        <span className="sr-only">Notifications</span>
        {unread > 0 ? (
          <span className="rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" aria-label={`${unread} unread`}>
            {unread}
          </span>
        ) : null}
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-80 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
        {items.length === 0 ? (
          <p className="p-3 text-sm text-slate-500">No notifications yet.</p>
        ) : (
          <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
            {items.map((item) => (
              <li key={item.id} className="p-2 text-sm">
                <p className={item.readAt ? "text-slate-600" : "font-semibold text-slate-900"}>
                  {item.link ? <Link href={item.link} className="hover:underline">{item.title}</Link> : item.title}
                </p>
                {item.body ? <p className="text-slate-500">{item.body}</p> : null}
                <p className="text-xs text-slate-400">{formatZonedDateTime(item.createdAt, account.timezone)}</p>
              </li>
            ))}
          </ul>
        )}
        {unread > 0 ? (
          <ActionForm action={markAllNotificationsReadAction} className="border-t border-slate-100 pt-2">
            <button type="submit" className="w-full rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100">
              Mark all read
            </button>
          </ActionForm>
        ) : null}
      </div>
    </details>
  );
}
