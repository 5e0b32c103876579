"use client";

import { useState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";

/** Copies `value` to the clipboard and says so (visibly and to screen readers). */
export function CopyButton({ value, label = "Copy", size = "sm", variant = "secondary", ...props }: Omit<ButtonProps, "onClick" | "value"> & { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <Button size={size} variant={variant} onClick={copy} {...props}>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text" : label}</span>
    </Button>
  );
}
