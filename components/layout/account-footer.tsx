import { Button } from "@/components/ui/button";

/** Who is signed in, to which account, and the way out. */
export function AccountFooter({ accountName, email, role, signOutAction }: { accountName: string; email: string; role: string; signOutAction: () => Promise<void> }) {
  return (
    <div className="space-y-3">
      <div className="min-w-0 px-2">
        <p className="truncate text-sm font-semibold text-slate-900" data-testid="account-name">
          {accountName}
        </p>
        <p className="truncate text-sm text-slate-600" data-testid="user-email">
          {email}
        </p>
        <p className="text-xs capitalize text-slate-500">{role}</p>
      </div>
      <form action={signOutAction}>
        <Button type="submit" variant="secondary" size="sm" className="w-full">
          Sign out
        </Button>
      </form>
    </div>
  );
}
