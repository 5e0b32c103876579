import type { Metadata } from "next";
import { NotFoundPanel } from "@/components/layout/not-found-panel";

export const metadata: Metadata = { title: "Page not found" };

// Our own 404: Next's built-in one carries an inline <style> without the CSP nonce, which the policy blocks.
// Signed-in pages show the portal's (app/(portal)/not-found.tsx) inside the navigation instead.
export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center">
      <p className="text-lg font-bold tracking-tight text-brand-700">Sema Link</p>
      <NotFoundPanel />
    </main>
  );
}
