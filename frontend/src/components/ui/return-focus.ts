import { useRef } from "react";

type AutoFocusHandler = (event: Event) => void;

/**
 * Radix gives focus back on close only to a `<Dialog.Trigger>`; most of our dialogs are
 * opened from state (a row's button, a menu item), so focus fell to <body>. This remembers
 * what had focus when the dialog opened and returns there on close, while that control is
 * still on the page; otherwise Radix's own behaviour applies.
 */
export function useReturnFocus(handlers: { onOpenAutoFocus?: AutoFocusHandler; onCloseAutoFocus?: AutoFocusHandler }) {
  const opener = useRef<HTMLElement | null>(null);
  return {
    onOpenAutoFocus: (event: Event) => {
      // Runs before Radix moves focus into the dialog: the opener still has it.
      opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      handlers.onOpenAutoFocus?.(event);
    },
    onCloseAutoFocus: (event: Event) => {
      handlers.onCloseAutoFocus?.(event);
      const target = opener.current;
      opener.current = null;
      if (event.defaultPrevented || !target?.isConnected) return;
      event.preventDefault();
      target.focus({ preventScroll: true });
    },
  };
}
