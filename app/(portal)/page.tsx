import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader, StatCard } from "@/components/ui/card";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireUser } from "@/lib/auth/session";
import { getBalance } from "@/lib/credits/get-balance";
import { formatMoney } from "@/lib/format";
import { listSenderIds } from "@/lib/sender-ids/get-sender-ids";

export const metadata: Metadata = { title: "Overview" };

const SHORTCUTS = [
  { href: "/send", title: "Send a message", text: "Send one SMS now or schedule it." },
  { href: "/campaigns", title: "Campaigns", text: "Send to a contact list, now or later." },
  { href: "/contacts", title: "Contacts", text: "Upload and validate contact lists." },
  { href: "/messages", title: "Messages", text: "Delivery status and timelines." },
];

function Step({ done, title, children }: { done: boolean; title: string; children: React.ReactNode }) {
  return (
    <li className="flex gap-3">
      <span
        aria-hidden="true"
        className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${done ? "bg-brand-600 text-white" : "border border-slate-300 text-slate-400"}`}
      >
        {done ? "✓" : ""}
      </span>
      <div>
        <p className="text-sm font-medium text-slate-900">
          {title}
          <span className="sr-only">{done ? " (done)" : " (to do)"}</span>
        </p>
        <div className="text-sm text-slate-600">{children}</div>
      </div>
    </li>
  );
}

export default async function OverviewPage() {
  const user = await requireUser();
  const [account, balance, senderIds, apiKeys] = await Promise.all([
    getAccountSummary(user.accountId),
    getBalance(user.accountId),
    listSenderIds(user.accountId),
    listApiKeys(user.accountId),
  ]);
  const approvedSenderIds = senderIds.filter((senderId) => senderId.status === "approved");
  const pendingSenderIds = senderIds.filter((senderId) => senderId.status === "pending");
  const activeKeys = apiKeys.filter((key) => !key.revokedAt && (!key.expiresAt || key.expiresAt > new Date()));
  const hasCredit = balance.balance > 0;
  const ready = hasCredit && approvedSenderIds.length > 0;

  return (
    <>
      <div className="mb-6">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Overview</h1>
        <p className="mt-1 text-sm text-slate-600">{account.name}</p>
      </div>

      <section aria-labelledby="credit-heading">
        <h2 id="credit-heading" className="sr-only">
          Credit
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard label="Available balance" value={<span data-testid="balance-available">{formatMoney(balance.balance)}</span>} hint="Ready to spend on messages" />
          <StatCard label="Reserved" value={formatMoney(balance.reserved)} hint="Held for messages awaiting delivery" />
          <StatCard label="Spent" value={formatMoney(balance.spent)} hint={`Of ${formatMoney(balance.toppedUp)} topped up in total`} />
        </div>
        {balance.toppedUp === 0 ? (
          <Alert tone="info" className="mt-4" title="No credit yet">
            Messages are prepaid. Ask your Sema Link account manager for a top-up; it will appear under{" "}
            <Link href="/billing" className="font-medium underline">
              Billing
            </Link>
            .
          </Alert>
        ) : !hasCredit ? (
          <Alert tone="warning" className="mt-4" title="Your balance is empty">
            New messages will be refused until credit is added. See{" "}
            <Link href="/billing" className="font-medium underline">
              Billing
            </Link>
            .
          </Alert>
        ) : null}
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="setup-heading">
          <CardHeader id="setup-heading" title={ready ? "Ready to send" : "Get ready to send"} />
          <CardBody>
            <ol className="space-y-4">
              <Step done={hasCredit} title="Credit on the account">
                {hasCredit ? `${formatMoney(balance.balance)} available.` : "Needs a top-up before messages can be sent."}
              </Step>
              <Step done={approvedSenderIds.length > 0} title="An approved sender ID">
                {approvedSenderIds.length > 0 ? (
                  `Approved: ${approvedSenderIds.map((senderId) => senderId.value).join(", ")}.`
                ) : pendingSenderIds.length > 0 ? (
                  `${pendingSenderIds.length} awaiting approval.`
                ) : (
                  <Link href="/sender-ids" className="font-medium text-brand-700 underline">
                    Request a sender ID
                  </Link>
                )}
              </Step>
              <Step done={activeKeys.length > 0} title="An API key (for sending from your systems)">
                {activeKeys.length > 0 ? (
                  `${activeKeys.length} active key${activeKeys.length === 1 ? "" : "s"}.`
                ) : (
                  <Link href="/api-keys" className="font-medium text-brand-700 underline">
                    Create an API key
                  </Link>
                )}
              </Step>
            </ol>
          </CardBody>
        </Card>

        <Card aria-labelledby="shortcuts-heading">
          <CardHeader id="shortcuts-heading" title="Shortcuts" />
          <CardBody>
            <ul className="grid gap-3 sm:grid-cols-2">
              {SHORTCUTS.map((shortcut) => (
                <li key={shortcut.href}>
                  <Link href={shortcut.href} className="block h-full rounded-md border border-slate-200 p-3 hover:border-brand-500 hover:bg-brand-50">
                    <span className="block text-sm font-semibold text-slate-900">{shortcut.title}</span>
                    <span className="mt-0.5 block text-sm text-slate-600">{shortcut.text}</span>
                  </Link>
                </li>
              ))}
            </ul>
            <div className="mt-4">
              <ButtonLink href="/send" variant="primary">
                Send a message
              </ButtonLink>
            </div>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
