import type { NavItem, NavSection } from "@/components/layout/portal-nav";
import { canUse, type Area } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/config";

type AreaItem = NavItem & { area?: Area };

const CUSTOMER_ITEMS: AreaItem[] = [
  { href: "/", label: "Overview" },
  { href: "/send", label: "Send" },
  { href: "/messages", label: "Messages" },
  { href: "/inbox", label: "Inbox" },
  { href: "/campaigns", label: "Campaigns" },
  { href: "/contacts", label: "Contacts" },
  { href: "/keywords", label: "Keywords" },
  { href: "/opt-outs", label: "Opt-outs" },
  { href: "/sender-ids", label: "Sender IDs" },
  { href: "/webhooks", label: "Webhooks", area: "webhooks" },
  { href: "/api-keys", label: "API keys", area: "apiKeys" },
  { href: "/billing", label: "Billing" },
  { href: "/team", label: "Team", area: "team" },
  { href: "/settings", label: "Settings" },
  { href: "/audit", label: "Audit log" },
];

const OPERATOR_NAV: NavSection = {
  title: "Operator",
  items: [
    { href: "/operator/accounts", label: "Accounts" },
    { href: "/operator/providers", label: "Providers" },
    { href: "/operator/routes", label: "Routes" },
    { href: "/operator/sender-ids", label: "Sender ID requests" },
    { href: "/operator/delivery-reports", label: "Delivery reports" },
    { href: "/operator/dead-letters", label: "Dead letters" },
    { href: "/operator/audit", label: "Audit log (all)" },
    { href: "/operator/numbers", label: "Numbers" },
  ],
};

/** The portal's navigation for a user: pages their role cannot use are not listed (they answer 404). */
export function portalNavSections(user: Pick<SessionUser, "role" | "isOperator">): NavSection[] {
  const customer: NavSection = {
    items: CUSTOMER_ITEMS.filter((item) => !item.area || canUse(user, item.area)).map(({ href, label }) => ({ href, label })),
  };
  return user.isOperator ? [customer, OPERATOR_NAV] : [customer];
}
