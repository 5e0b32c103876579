import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatMoney } from "@/lib/format";

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

export interface SetupState {
  balance: number;
  approvedSenderIds: string[];
  pendingSenderIds: number;
  activeKeys: number;
}

/** What a new account still needs before it can send: credit, a sender ID, an API key. */
export function SetupChecklist({ state }: { state: SetupState }) {
  const hasCredit = state.balance > 0;
  const ready = hasCredit && state.approvedSenderIds.length > 0;
  return (
    <Card aria-labelledby="setup-heading">
      <CardHeader id="setup-heading" title={ready ? "Ready to send" : "Get ready to send"} />
      <CardBody>
        <ol className="space-y-4">
          <Step done={hasCredit} title="Credit on the account">
            {hasCredit ? `${formatMoney(state.balance)} available.` : "Needs a top-up before messages can be sent."}
          </Step>
          <Step done={state.approvedSenderIds.length > 0} title="An approved sender ID">
            {state.approvedSenderIds.length > 0 ? (
              `Approved: ${state.approvedSenderIds.join(", ")}.`
            ) : state.pendingSenderIds > 0 ? (
              `${state.pendingSenderIds} awaiting approval.`
            ) : (
              <Link href="/sender-ids" className="font-medium text-brand-700 underline">
                Request a sender ID
              </Link>
            )}
          </Step>
          <Step done={state.activeKeys > 0} title="An API key (for sending from your systems)">
            {state.activeKeys > 0 ? (
              `${state.activeKeys} active key${state.activeKeys === 1 ? "" : "s"}.`
            ) : (
              <Link href="/api-keys" className="font-medium text-brand-700 underline">
                Create an API key
              </Link>
            )}
          </Step>
        </ol>
      </CardBody>
    </Card>
  );
}
