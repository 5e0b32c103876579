import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Page not found" };

/** Any path no portal page matches: the portal's 404 inside its layout, not the bare one. */
export default function MissingPage(): never {
  notFound();
}
