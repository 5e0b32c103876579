import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getAccountSummary } from "@/lib/accounts/get-account";
import { COUNTRIES } from "@/lib/accounts/schemas";
import { canUse } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { formatDate, formatMoney } from "@/lib/format";
import { getAccountControls } from "@/lib/traffic/account-controls";
import { ChangePasswordForm } from "./change-password-form";
import { SettingsForm } from "./settings-form";
import { TrafficControlsForm } from "./traffic-controls-form";
import { timezoneOptions } from "./timezones";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ notice?: string | string[] }> }) {
  const { notice } = await searchParams;
  const user = await requireUser();
  const [account, controls] = await Promise.all([getAccountSummary(user.accountId), getAccountControls(user.accountId)]);
  const canEdit = canUse(user, "settings");
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
      <Card aria-labelledby="traffic-heading" className="mt-6">
        <CardHeader id="traffic-heading" title="Traffic controls" description="Limits on what the account sends, in its time zone." />
        <CardBody>
          {canEdit ? (
            <TrafficControlsForm
              current={{
                dailySpendLimit: controls.dailySpendLimit === null ? "" : (controls.dailySpendLimit / 100).toFixed(2),
                quietHoursStart: controls.quietHours?.start ?? "",
                quietHoursEnd: controls.quietHours?.end ?? "",
                lowBalanceThreshold: controls.lowBalanceThreshold === null ? "" : (controls.lowBalanceThreshold / 100).toFixed(2),
              }}
              spentToday={formatMoney(controls.spentToday)}
            />
          ) : (
            <p className="text-sm text-slate-700">
              Daily spend limit: {controls.dailySpendLimit === null ? "none" : formatMoney(controls.dailySpendLimit)} · spent today {formatMoney(controls.spentToday)}
            </p>
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
