import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export const controlClasses =
  "block w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 " +
  "focus:border-brand-600 focus:outline-2 focus:outline-offset-0 focus:outline-brand-600/40 disabled:bg-slate-100 disabled:text-slate-500";

export function controlBorder(invalid?: boolean): string {
  return invalid ? "border-red-500" : "border-slate-300";
}

export interface InputProps extends ComponentProps<"input"> {
  invalid?: boolean;
}

export function Input({ className, invalid, ...props }: InputProps) {
  return <input aria-invalid={invalid || undefined} className={cn(controlClasses, controlBorder(invalid), "h-10", className)} {...props} />;
}
