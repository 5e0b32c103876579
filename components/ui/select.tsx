import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";
import { controlBorder, controlClasses } from "@/components/ui/input";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends ComponentProps<"select"> {
  invalid?: boolean;
  options?: readonly SelectOption[];
}

/** A native select: pass `options` or `<option>` children. */
export function Select({ className, invalid, options, children, ...props }: SelectProps) {
  return (
    <select aria-invalid={invalid || undefined} className={cn(controlClasses, controlBorder(invalid), "h-10 pr-8", className)} {...props}>
      {options?.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {children}
    </select>
  );
}
