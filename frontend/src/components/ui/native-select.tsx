import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

import { inputClasses } from "./input";

/**
 * A styled native <select>: accessible, keyboard- and mobile-friendly by default.
 * `className` styles the select; `wrapperClassName` sizes the box (e.g. "w-48").
 */
export function NativeSelect({
  className,
  wrapperClassName,
  children,
  ...props
}: ComponentProps<"select"> & { wrapperClassName?: string }) {
  return (
    <div className={cn("relative w-full", wrapperClassName)}>
      <select
        data-slot="select"
        className={cn(inputClasses, "w-full appearance-none pr-8 dark:[&>option]:bg-popover", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDown
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
