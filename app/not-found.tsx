import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

// Our own 404: Next's built-in one carries an inline <style> without the CSP nonce, which the policy blocks.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-1 text-sm text-slate-600">The page you asked for does not exist or has moved.</p>
      <Link href="/" className="mt-6 font-medium text-brand-700 underline-offset-2 hover:underline">
        Back to the portal
      </Link>
    </main>
  );
}
