/** Parses a KES amount typed by a person ("1000", "1,000.50") into exact minor units, without floats. */
export function parseKesAmount(input: string): number {
  const cleaned = input.replace(/[,\s_]/g, "");
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) throw new Error(`"${input}" is not an amount in KES (e.g. 1000 or 1000.50)`);
  const minor = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  if (!Number.isSafeInteger(minor) || minor <= 0) throw new Error(`"${input}" is out of range`);
  return minor;
}

export function formatKes(minor: number | bigint): string {
  const value = BigInt(minor);
  const sign = value < 0n ? "-" : "";
  const abs = value < 0n ? -value : value;
  return `${sign}KES ${(abs / 100n).toLocaleString("en-US")}.${(abs % 100n).toString().padStart(2, "0")}`;
}
