"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface NavItem {
  href: string;
  label: string;
}

export interface NavSection {
  title?: string;
  items: NavItem[];
}

function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavLinks({ sections, pathname, onNavigate }: { sections: NavSection[]; pathname: string; onNavigate?: () => void }) {
  return (
    <>
      {sections.map((section, index) => (
        <div key={section.title ?? index} className={index > 0 ? "mt-6" : undefined}>
          {section.title ? <p className="mb-2 px-3 text-xs font-semibold uppercase tracking-wide text-slate-500">{section.title}</p> : null}
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const active = isActive(pathname, item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    onClick={onNavigate}
                    className={cn(
                      "block rounded-md px-3 py-2 text-sm font-medium",
                      active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}

/**
 * Sidebar on wide screens; on narrow ones a top bar whose menu button opens the same links.
 * `footer` (account, user, sign-out) is rendered in both.
 */
export function PortalNav({ sections, footer }: { sections: NavSection[]; footer: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 lg:hidden">
        <Link href="/" className="text-lg font-bold tracking-tight text-brand-700">
          Sema Link
        </Link>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
          aria-expanded={open}
          aria-controls="mobile-navigation"
          onClick={() => setOpen((value) => !value)}
        >
          {open ? "Close menu" : "Menu"}
        </button>
      </div>
      {open ? (
        <nav id="mobile-navigation" aria-label="Main" className="border-b border-slate-200 bg-white px-3 py-4 lg:hidden">
          <NavLinks sections={sections} pathname={pathname} onNavigate={() => setOpen(false)} />
          <div className="mt-6 border-t border-slate-200 pt-4">{footer}</div>
        </nav>
      ) : null}
      <aside className="hidden w-64 shrink-0 flex-col border-r border-slate-200 bg-white lg:sticky lg:top-0 lg:flex lg:h-screen">
        <div className="px-6 py-5">
          <Link href="/" className="text-xl font-bold tracking-tight text-brand-700">
            Sema Link
          </Link>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 pb-6">
          <NavLinks sections={sections} pathname={pathname} />
        </nav>
        <div className="border-t border-slate-200 px-4 py-4">{footer}</div>
      </aside>
    </>
  );
}
