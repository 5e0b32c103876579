import Link from "next/link";

/** The body of Sema Link's 404: inside the portal layout for signed-in pages, on its own elsewhere. */
export function NotFoundPanel({ what = "page" }: { what?: string }) {
  return (
    <div className="flex flex-col items-center px-4 py-16 text-center" data-testid="not-found">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="h-12 w-12">
        <rect width="32" height="32" rx="8" fill="#178257" />
        <path d="M8 11a3 3 0 0 1 3-3h10a3 3 0 0 1 3 3v7a3 3 0 0 1-3 3h-6l-5 4v-4a3 3 0 0 1-2-3z" fill="#fff" />
      </svg>
      <p className="mt-4 text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-1 max-w-md text-sm text-slate-600">
        The {what} you asked for does not exist, has moved, or belongs to another account.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-4 text-sm">
        <Link href="/" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Back to the overview
        </Link>
        <Link href="/messages" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Messages
        </Link>
        <Link href="/campaigns" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Campaigns
        </Link>
      </div>
    </div>
  );
}
