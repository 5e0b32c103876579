import { signOutAction } from "@/app/(auth)/actions";
import { AccountFooter } from "@/components/layout/account-footer";
import { portalNavSections } from "@/components/layout/nav-sections";
import { PortalNav } from "@/components/layout/portal-nav";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { requireUser } from "@/lib/auth/session";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const account = await getAccountSummary(user.accountId);
  const sections = portalNavSections(user);
  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <PortalNav sections={sections} footer={<AccountFooter accountName={account.name} email={user.email} role={user.role} signOutAction={signOutAction} />} />
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
        <div className="mx-auto mb-2 flex max-w-6xl justify-end">
          <NotificationBell accountId={user.accountId} />
        </div>
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
