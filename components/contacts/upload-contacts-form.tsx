"use client";

import Papa from "papaparse";
import { useRouter } from "next/navigation";
import { useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

const PREVIEW_ROWS = 5;
const PHONE_HEADER = /^(phone|phone[ _]?number|mobile|msisdn|number|tel|telephone|cell|recipient|to)$/i;

interface Preview {
  file: File;
  header: string[];
  rows: string[][];
}

/** Upload a CSV (drag and drop, preview of the first rows, choose the phone column) or paste numbers. */
export function UploadContactsForm() {
  const router = useRouter();
  const [mode, setMode] = useState<"csv" | "paste">("csv");
  const [name, setName] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [phoneColumn, setPhoneColumn] = useState("");
  const [pasted, setPasted] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function readPreview(file: File) {
    setError(null);
    Papa.parse<string[]>(file, {
      preview: PREVIEW_ROWS + 1,
      skipEmptyLines: "greedy",
      complete: (result) => {
        const [header = [], ...rows] = result.data;
        const cleanHeader = header.map((cell, index) => (index === 0 ? cell.replace(/^\uFEFF/, "") : cell).trim());
        setPreview({ file, header: cleanHeader, rows });
        setPhoneColumn(cleanHeader.find((cell) => PHONE_HEADER.test(cell)) ?? cleanHeader[0] ?? "");
        if (!name) setName(file.name.replace(/\.csv$/i, ""));
      },
      error: (problem) => setError(`Could not read the file: ${problem.message}`),
    });
  }

  function onDrop(event: DragEvent<HTMLLabelElement>) {
    event.preventDefault();
    const file = event.dataTransfer.files[0];
    if (file) readPreview(file);
  }

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      const listName = name.trim() || "Contacts";
      let response: Response;
      if (mode === "csv") {
        if (!preview) throw new Error("Choose a CSV file first");
        const query = new URLSearchParams({ name: listName, phoneColumn, header: "true" });
        response = await fetch(`/contacts/upload?${query}`, { method: "POST", headers: { "content-type": "text/csv" }, body: preview.file });
      } else {
        const numbers = pasted.split(/[\n,;]+/).map((value) => value.trim()).filter(Boolean);
        if (numbers.length === 0) throw new Error("Paste at least one number");
        const query = new URLSearchParams({ name: listName, header: "false" });
        response = await fetch(`/contacts/upload?${query}`, { method: "POST", headers: { "content-type": "text/csv" }, body: numbers.join("\n") });
      }
      const body = (await response.json()) as { contactListId?: string; error?: { message: string } };
      if (!response.ok || !body.contactListId) throw new Error(body.error?.message ?? "Upload failed");
      router.push(`/contacts/${body.contactListId}`);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : "Upload failed");
      setBusy(false);
    }
  }

  return (
    <div className="space-y-5">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex gap-2" role="tablist">
        <Button variant={mode === "csv" ? "primary" : "secondary"} size="sm" onClick={() => setMode("csv")} role="tab" aria-selected={mode === "csv"}>
          Upload CSV
        </Button>
        <Button variant={mode === "paste" ? "primary" : "secondary"} size="sm" onClick={() => setMode("paste")} role="tab" aria-selected={mode === "paste"}>
          Paste numbers
        </Button>
      </div>
      <Field id="list-name" label="List name">
        <Input value={name} onChange={(event) => setName(event.target.value)} maxLength={120} />
      </Field>
      {mode === "csv" ? (
        <>
          <label
            htmlFor="csv-file"
            onDragOver={(event) => event.preventDefault()}
            onDrop={onDrop}
            className="flex cursor-pointer flex-col items-center justify-center rounded-lg border-2 border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 hover:border-slate-400"
          >
            <span className="font-medium text-slate-900">{preview ? preview.file.name : "Drop a CSV file here or click to choose"}</span>
            <span>The first row should name the columns; other columns become {"{{fields}}"} for personalisation.</span>
            <input
              id="csv-file"
              type="file"
              accept=".csv,text/csv"
              className="sr-only"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) readPreview(file);
              }}
            />
          </label>
          {preview ? (
            <>
              <Field id="phone-column" label="Phone number column">
                <Select value={phoneColumn} onChange={(event) => setPhoneColumn(event.target.value)} options={preview.header.map((column) => ({ value: column, label: column }))} />
              </Field>
              <div className="overflow-x-auto">
                <Table>
                  <THead>
                    <TR>
                      {preview.header.map((column) => (
                        <TH key={column} className={column === phoneColumn ? "bg-emerald-50" : undefined}>
                          {column}
                        </TH>
                      ))}
                    </TR>
                  </THead>
                  <TBody>
                    {preview.rows.map((row, index) => (
                      <TR key={index}>
                        {preview.header.map((column, cell) => (
                          <TD key={column}>{row[cell]}</TD>
                        ))}
                      </TR>
                    ))}
                  </TBody>
                </Table>
              </div>
            </>
          ) : null}
        </>
      ) : (
        <Field id="pasted-numbers" label="Numbers" hint="One per line, or separated by commas. Local formats like 0712 345 678 are fine.">
          <Textarea rows={8} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        </Field>
      )}
      <Button onClick={submit} disabled={busy}>
        {busy ? "Uploading…" : "Upload and validate"}
      </Button>
    </div>
  );
}
