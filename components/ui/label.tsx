import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export function Label({ className, children, ...props }: ComponentProps<"label">) {
  return (
    <label className={cn("block text-sm font-medium text-slate-800", className)} {...props}>
      {children}
    </label>
  );
}
