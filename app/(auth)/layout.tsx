import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/next-auth";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  if (session?.user) redirect("/");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="mb-8 text-center">
        <p className="text-2xl font-bold tracking-tight text-brand-700">Sema Link</p>
        <p className="mt-1 text-sm text-slate-600">SMS for businesses across East Africa</p>
      </div>
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
    </main>
  );
}
