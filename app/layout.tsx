import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Sema Link", template: "%s · Sema Link" },
  description: "Send transactional and bulk SMS across East Africa.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, the 404 page included: Next.js can only put the CSP nonce from
  // proxy.ts on the scripts of a page rendered for that request (a prerendered page's would be blocked).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">{children}</body>
    </html>
  );
}
