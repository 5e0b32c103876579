/** Minor units (KES cents) as money text. */
export function formatMoney(minor: number | bigint, currency = "KES"): string {
  return `${currency} ${(Number(minor) / 100).toLocaleString("en-KE", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
