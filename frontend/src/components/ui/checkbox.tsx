import { CheckIcon, MinusIcon } from "lucide-react";
import { useLayoutEffect, useRef, type ComponentProps } from "react";

import { cn } from "@/lib/utils";

type CheckboxProps = Omit<ComponentProps<"input">, "type" | "checked" | "defaultChecked" | "onChange"> & {
  checked?: boolean | "indeterminate";
  /** Radix's signature, which the callers were written for; a click gives a boolean. */
  onCheckedChange?: (checked: boolean | "indeterminate") => void;
};

/**
 * A native checkbox drawn like the rest of the UI. Not Radix's: the collection list shows
 * one per row from its first paint, and Radix Checkbox with the state and presence helpers
 * it brings weighs ≈ 5 kB gzip of that first load (docs/performance.md "SPA bundle").
 * `checked="indeterminate"` shows a dash (a page partly picked). `className` goes on the
 * box's frame (position, stacking, background), which holds the input and its mark.
 */
export function Checkbox({ checked = false, onCheckedChange, className, ...props }: CheckboxProps) {
  const input = useRef<HTMLInputElement>(null);
  const indeterminate = checked === "indeterminate";
  useLayoutEffect(() => {
    if (input.current) input.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <span className={cn("relative inline-flex size-4 shrink-0 rounded-[4px]", className)}>
      <input
        ref={input}
        type="checkbox"
        data-slot="checkbox"
        checked={checked === true}
        onChange={(event) => {
          // A click clears the flag; it stands until the caller's state says otherwise.
          event.target.indeterminate = indeterminate;
          onCheckedChange?.(event.target.checked);
        }}
        className="peer m-0 size-4 shrink-0 cursor-default appearance-none rounded-[4px] border border-input shadow-xs transition-shadow outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:cursor-not-allowed disabled:opacity-50 checked:border-primary checked:bg-primary indeterminate:border-primary indeterminate:bg-primary dark:bg-input/30 dark:checked:bg-primary dark:indeterminate:bg-primary"
        {...props}
      />
      <CheckIcon aria-hidden className="pointer-events-none absolute inset-0 m-auto hidden size-3.5 text-primary-foreground peer-checked:block" />
      <MinusIcon aria-hidden className="pointer-events-none absolute inset-0 m-auto hidden size-3.5 text-primary-foreground peer-indeterminate:block" />
    </span>
  );
}
