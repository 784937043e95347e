import { CheckCircle2, CircleAlert, XIcon } from "lucide-react";
import { useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";

import { cn } from "@/lib/utils";

type ToastKind = "success" | "error" | "info";
interface ToastAction {
  label: string;
  onClick: () => void;
}
interface ToastItem {
  id: number;
  kind: ToastKind;
  message: string;
  action?: ToastAction | undefined;
}
interface ToastOptions {
  durationMs?: number;
  /** One button in the toast ("Undo"); clicking it also dismisses the toast. */
  action?: ToastAction;
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

function dismiss(id: number) {
  items = items.filter((item) => item.id !== id);
  emit();
}

/** Every toast goes (tests start each case with none left from the one before). */
function dismissAll() {
  items = [];
  emit();
}

function push(kind: ToastKind, message: string, { durationMs = 5000, action }: ToastOptions = {}) {
  const id = nextId++;
  items = [...items.slice(-3), { id, kind, message, action }];
  emit();
  setTimeout(() => dismiss(id), durationMs);
  return id;
}

/** Sonner-like imperative API: `toast.success("Saved")`. */
export const toast = {
  success: (message: string, options?: ToastOptions) => push("success", message, options),
  error: (message: string, options?: ToastOptions) => push("error", message, { durationMs: 8000, ...options }),
  info: (message: string, options?: ToastOptions) => push("info", message, options),
  dismiss,
  dismissAll,
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function Toaster() {
  const { t } = useTranslation("ui");
  const toasts = useSyncExternalStore(subscribe, () => items, () => items);
  return (
    <section
      aria-label={t("toast.region")}
      aria-live="polite"
      className="pointer-events-none fixed right-0 bottom-0 z-[100] flex w-full flex-col gap-2 p-4 sm:max-w-sm"
    >
      {toasts.map((item) => (
        <div
          key={item.id}
          role={item.kind === "error" ? "alert" : "status"}
          className={cn(
            "pointer-events-auto flex items-start gap-3 rounded-lg border bg-popover p-3 text-sm text-popover-foreground shadow-lg",
            item.kind === "error" && "border-destructive/40",
          )}
        >
          {item.kind === "error" ? (
            <CircleAlert aria-hidden className="mt-0.5 size-4 text-destructive" />
          ) : (
            <CheckCircle2 aria-hidden className="mt-0.5 size-4 text-success" />
          )}
          <p className="flex-1">{item.message}</p>
          {item.action ? (
            <button
              type="button"
              onClick={() => {
                dismiss(item.id);
                item.action?.onClick();
              }}
              className="-my-0.5 rounded-sm px-1.5 py-0.5 font-medium text-primary underline-offset-2 hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
            >
              {item.action.label}
            </button>
          ) : null}
          <button
            type="button"
            onClick={() => dismiss(item.id)}
            className="rounded-sm opacity-60 hover:opacity-100 focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
          >
            <XIcon className="size-4" />
            <span className="sr-only">{t("toast.dismiss")}</span>
          </button>
        </div>
      ))}
    </section>
  );
}
