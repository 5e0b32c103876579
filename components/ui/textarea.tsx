import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { controlBorder, controlClasses } from "@/components/ui/input";

export interface TextareaProps extends ComponentProps<"textarea"> {
  invalid?: boolean;
}

export function Textarea({ className, invalid, rows = 4, ...props }: TextareaProps) {
  return <textarea rows={rows} aria-invalid={invalid || undefined} className={cn(controlClasses, controlBorder(invalid), "py-2", className)} {...props} />;
}
