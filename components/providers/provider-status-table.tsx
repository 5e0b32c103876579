"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { idleFormState, type FormAction } from "@/lib/form-state";

/** One provider as `smsctl provider status` shows it, formatted for the page (no secrets). */
export interface ProviderStatusItem {
  name: string;
  kind: string;
  state: "closed" | "open" | "half-open" | "disabled";
  enabled: boolean;
  successRatio: string;
  p50: string;
  p95: string;
  attempts5m: number;
  perSecond: string;
  queueDepth: number;
  balance: string;
  maxPerSecond: number;
  workersReporting: number;
}

const STATE_TONE: Record<ProviderStatusItem["state"], BadgeTone> = { closed: "success", "half-open": "warning", open: "danger", disabled: "neutral" };
const STATE_LABEL: Record<ProviderStatusItem["state"], string> = { closed: "Closed", "half-open": "Half-open", open: "Open", disabled: "Disabled" };

export function ProviderStatusTable({ providers, enableAction, rateAction }: { providers: ProviderStatusItem[]; enableAction: FormAction; rateAction: FormAction }) {
  const [toggled, toggle] = useActionState(enableAction, idleFormState);
  const [rated, rate] = useActionState(rateAction, idleFormState);
  return (
    <div>
      <div className="space-y-2 px-6 pt-2">
        <FormMessage state={toggled} />
        <FormMessage state={rated} />
      </div>
      <Table>
        <TableCaption>Providers: circuit breaker and the last 5 minutes of sends</TableCaption>
        <THead>
          <TR>
            <TH>Provider</TH>
            <TH>State</TH>
            <TH>Success</TH>
            <TH>p50 / p95</TH>
            <TH>Now</TH>
            <TH>Queue</TH>
            <TH>Balance</TH>
            <TH>Limit (msg/s)</TH>
            <TH>
              <span className="sr-only">Actions</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {providers.map((provider) => (
            <TR key={provider.name} data-testid={`provider-${provider.name}`}>
              <TD>
                <span className="font-medium">{provider.name}</span>
                <span className="block text-xs text-slate-500">{provider.kind}</span>
              </TD>
              <TD>
                <span data-testid="provider-state">
                  <Badge tone={STATE_TONE[provider.state]}>{STATE_LABEL[provider.state]}</Badge>
                </span>
                <span className="block text-xs text-slate-500">{provider.workersReporting} worker(s) reporting</span>
              </TD>
              <TD>
                {provider.successRatio}
                <span className="block text-xs text-slate-500">{provider.attempts5m} attempts</span>
              </TD>
              <TD className="whitespace-nowrap">
                {provider.p50} / {provider.p95}
              </TD>
              <TD className="whitespace-nowrap">{provider.perSecond} msg/s</TD>
              <TD>{provider.queueDepth}</TD>
              <TD className="whitespace-nowrap">{provider.balance}</TD>
              <TD>
                <form action={rate} className="flex items-center gap-2">
                  <input type="hidden" name="name" value={provider.name} />
                  <Input name="maxPerSecond" type="number" min={1} max={100000} defaultValue={provider.maxPerSecond} aria-label={`Rate limit of ${provider.name}`} className="w-24" />
                  <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">
                    Save
                  </SubmitButton>
                </form>
              </TD>
              <TD>
                <form action={toggle}>
                  <input type="hidden" name="name" value={provider.name} />
                  <input type="hidden" name="enabled" value={provider.enabled ? "false" : "true"} />
                  <SubmitButton size="sm" variant={provider.enabled ? "secondary" : "primary"} pendingLabel="Saving…">
                    {provider.enabled ? "Disable" : "Enable"}
                  </SubmitButton>
                </form>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
