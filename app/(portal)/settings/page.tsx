import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { COUNTRIES } from "@/lib/accounts/schemas";
import { requireUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { ChangePasswordForm } from "./change-password-form";
import { SettingsForm } from "./settings-form";
import { timezoneOptions } from "./timezones";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ notice?: string | string[] }> }) {
  const { notice } = await searchParams;
  const user = await requireUser();
  const account = await getAccountSummary(user.accountId);
  const canEdit = user.role === "owner" || user.role === "admin";
  const countries = COUNTRIES.map((country) => ({ value: country.code, label: country.name }));
  const countryName = COUNTRIES.find((country) => country.code === account.defaultCountry)?.name ?? account.defaultCountry;

  return (
    <>
      <PageHeader title="Settings" description="Account-wide preferences." />
      <Card aria-labelledby="account-settings-heading">
        <CardHeader id="account-settings-heading" title="Account" description={`Created ${formatDate(account.createdAt, account.timezone)}`} />
        <CardBody>
          {canEdit ? (
            <SettingsForm
              current={{ name: account.name, defaultCountry: account.defaultCountry, timezone: account.timezone }}
              countries={countries}
              timezones={timezoneOptions(account.timezone)}
            />
          ) : (
            <div className="max-w-lg space-y-4">
              <Alert tone="info">Only the account owner or an admin can change these settings.</Alert>
              <dl className="divide-y divide-slate-100 text-sm">
                <div className="flex justify-between gap-4 py-2">
                  <dt className="text-slate-600">Account name</dt>
                  <dd className="font-medium">{account.name}</dd>
                </div>
                <div className="flex justify-between gap-4 py-2">
                  <dt className="text-slate-600">Default country</dt>
                  <dd className="font-medium">{countryName}</dd>
                </div>
                <div className="flex justify-between gap-4 py-2">
                  <dt className="text-slate-600">Time zone</dt>
                  <dd className="font-medium">{account.timezone}</dd>
                </div>
              </dl>
            </div>
          )}
        </CardBody>
      </Card>
      <Card aria-labelledby="password-heading" className="mt-6">
        <CardHeader id="password-heading" title="Password" description={`For ${user.email}`} />
        <CardBody>
          {notice === "password-changed" ? (
            <Alert tone="success" className="mb-4 max-w-lg">
              Password changed. Your other sessions have been signed out.
            </Alert>
          ) : null}
          <ChangePasswordForm />
        </CardBody>
      </Card>
    </>
  );
}
