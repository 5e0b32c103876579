import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Table, TableCaption, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { AuditEventView } from "@/lib/audit/list-audit-events";
import { listAuditEventsQuery, type ListAuditEventsQuery } from "@/lib/audit/schemas";
import { formatDateTime } from "@/lib/format";

const ACTOR_TONES: Record<string, BadgeTone> = { user: "info", api_key: "brand", operator: "warning", system: "neutral" };

/** The page's query string as an audit query; anything unreadable falls back to the first page, all actions. */
export function auditQueryFrom(params: Record<string, string | string[] | undefined>): ListAuditEventsQuery {
  const parsed = listAuditEventsQuery.safeParse({ action: params.action || undefined, cursor: params.cursor || undefined, limit: 50 });
  return parsed.success ? parsed.data : listAuditEventsQuery.parse({ limit: 50 });
}

function changes(event: AuditEventView): string | null {
  const parts = [event.before ? `before ${JSON.stringify(event.before)}` : null, event.after ? `after ${JSON.stringify(event.after)}` : null].filter(Boolean);
  return parts.length > 0 ? parts.join("\n") : null;
}

/** Audit events with an action filter (a plain GET form) and cursor pages; `showAccount` for operators. */
export function AuditLog({
  path,
  events,
  nextCursor,
  action,
  timezone,
  showAccount = false,
}: {
  path: string;
  events: AuditEventView[];
  nextCursor: string | null;
  action?: string;
  timezone: string;
  showAccount?: boolean;
}) {
  const withAction = (extra: Record<string, string>) => {
    const search = new URLSearchParams({ ...(action ? { action } : {}), ...extra }).toString();
    return search ? `${path}?${search}` : path;
  };
  return (
    <>
      <form method="get" action={path} className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-4 py-3 sm:px-6">
        <div>
          <Label htmlFor="audit-action">Action</Label>
          <Select id="audit-action" name="action" defaultValue={action ?? ""} className="mt-1 w-64">
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" size="sm">
          Filter
        </Button>
      </form>
      {events.length === 0 ? (
        <EmptyState title="No audit events" description={action ? "Nothing recorded for this action yet." : "Changes to keys, webhooks, sender IDs and settings appear here."} />
      ) : (
        <Table>
          <TableCaption>Audit events, newest first</TableCaption>
          <THead>
            <TR>
              <TH>Time</TH>
              <TH>Action</TH>
              <TH>Actor</TH>
              <TH>Target</TH>
              {showAccount ? <TH>Account</TH> : null}
              <TH>Details</TH>
              <TH>From</TH>
            </TR>
          </THead>
          <TBody>
            {events.map((event) => (
              <TR key={event.id} data-testid="audit-row">
                <TD className="whitespace-nowrap">{formatDateTime(event.createdAt, timezone)}</TD>
                <TD className="font-mono text-xs">{event.action}</TD>
                <TD>
                  <Badge tone={ACTOR_TONES[event.actor.type] ?? "neutral"}>{event.actor.type.replace("_", " ")}</Badge>
                  <span className="ml-2 text-slate-700">{event.actor.label ?? event.actor.id ?? ""}</span>
                </TD>
                <TD className="text-slate-600">
                  {event.target.type ?? "—"}
                  {event.target.id ? <span className="ml-1 font-mono text-xs">{event.target.id.slice(0, 8)}</span> : null}
                </TD>
                {showAccount ? <TD className="font-mono text-xs">{event.accountId?.slice(0, 8) ?? "platform"}</TD> : null}
                <TD className="max-w-md">
                  {changes(event) ? <pre className="whitespace-pre-wrap break-all text-xs text-slate-600">{changes(event)}</pre> : "—"}
                </TD>
                <TD className="text-xs text-slate-500">{event.ip ?? "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <nav aria-label="Pagination" className="flex items-center justify-between gap-3 border-t border-slate-200 px-4 py-3">
        <Link href={withAction({})} className={buttonClasses("secondary", "sm")}>
          Newest
        </Link>
        {nextCursor ? (
          <Link href={withAction({ cursor: nextCursor })} rel="next" className={buttonClasses("secondary", "sm")}>
            Older
          </Link>
        ) : (
          <span aria-disabled="true" className={buttonClasses("secondary", "sm", "pointer-events-none opacity-50")}>
            Older
          </span>
        )}
      </nav>
    </>
  );
}
