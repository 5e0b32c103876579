import type { Metadata } from "next";
import { createApiKeyAction, revokeApiKeyAction, rotateApiKeyAction } from "@/app/(portal)/api-keys/actions";
import { ApiKeysTable, type ApiKeyListItem } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { requireRole } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "API keys" };

type StoredKey = Awaited<ReturnType<typeof listApiKeys>>[number];

function describeStatus(key: StoredKey, now: Date, timezone: string): Pick<ApiKeyListItem, "status" | "statusLabel"> {
  if (key.revokedAt) return { status: "revoked", statusLabel: "Revoked" };
  if (key.expiresAt && key.expiresAt <= now) return { status: "expired", statusLabel: "Expired" };
  if (key.expiresAt) return { status: "expiring", statusLabel: `Expires ${formatDateTime(key.expiresAt, timezone)}` };
  return { status: "active", statusLabel: "Active" };
}

export default async function ApiKeysPage() {
  const user = await requireRole("apiKeys");
  const [account, keys] = await Promise.all([getAccountSummary(user.accountId), listApiKeys(user.accountId)]);
  const now = new Date();
  const items: ApiKeyListItem[] = keys.map((key) => ({
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    created: formatDateTime(key.createdAt, account.timezone),
    lastUsed: key.lastUsedAt ? formatDateTime(key.lastUsedAt, account.timezone) : "Never",
    ...describeStatus(key, now, account.timezone),
  }));

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys authenticate your systems to the Sema Link API (Authorization: Bearer <key>). Anyone with a key can send messages on your account's credit."
      />
      <div className="space-y-6">
        <Card aria-labelledby="create-key-heading">
          <CardHeader id="create-key-heading" title="Create a key" />
          <CardBody>
            <CreateApiKeyForm action={createApiKeyAction} />
          </CardBody>
        </Card>
        <Card aria-labelledby="keys-heading">
          <CardHeader id="keys-heading" title="Your keys" description="Only the first characters of each key are kept for recognition." />
          {items.length === 0 ? (
            <EmptyState title="No API keys yet" description="Create a key above to send messages from your own systems." />
          ) : (
            <ApiKeysTable keys={items} rotateAction={rotateApiKeyAction} revokeAction={revokeApiKeyAction} />
          )}
        </Card>
      </div>
    </>
  );
}
