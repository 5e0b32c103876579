"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

interface ImportSummary {
  imported: number;
  newlyOptedOut: number;
  duplicates: number;
  invalidCount: number;
  invalid: { row: number; value: string; reason: string }[];
}

/** Uploads a CSV of numbers to opt out (one column, or a column headed phone/mobile/msisdn/number). */
export function ImportOptOutsForm() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);

  async function upload() {
    if (!file) {
      setError("Choose a CSV file first.");
      return;
    }
    setBusy(true);
    setError(null);
    setSummary(null);
    try {
      const body = new FormData();
      body.set("file", file);
      const response = await fetch("/opt-outs/import", { method: "POST", body });
      const answer = (await response.json()) as ImportSummary & { error?: { message: string } };
      if (!response.ok) throw new Error(answer.error?.message ?? `Import failed (${response.status})`);
      setSummary(answer);
      router.refresh();
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : "Import failed");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {summary ? (
        <Alert tone="success" title={`Opted out ${summary.imported.toLocaleString()} number${summary.imported === 1 ? "" : "s"}`}>
          {summary.newlyOptedOut.toLocaleString()} new; {summary.duplicates.toLocaleString()} repeated in the file; {summary.invalidCount.toLocaleString()} not valid numbers
          {summary.invalid.length > 0 ? ` (first: row ${summary.invalid[0].row}, “${summary.invalid[0].value}”)` : ""}.
        </Alert>
      ) : null}
      <Field id="opt-out-file" label="CSV file" hint="Up to 5 MB. Every valid number is recorded as an opt-out with source “import”.">
        <Input type="file" accept=".csv,text/csv" className="py-1.5" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </Field>
      <Button onClick={upload} disabled={busy} variant="secondary">
        {busy ? "Importing…" : "Import opt-outs"}
      </Button>
    </div>
  );
}
