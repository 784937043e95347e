import { Search } from "lucide-react";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { useDeferredLoad } from "@/lib/use-deferred-load";
import { cn } from "@/lib/utils";

const SearchPaletteDialog = lazy(() => import("./search-palette"));

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The shell's search: a button (and Ctrl/⌘-K anywhere) opening the command palette. */
export function SearchPalette({ className }: { className?: string }) {
  const { t } = useTranslation("search");
  const [open, setOpen] = useState(false);
  const [loaded, load] = useDeferredLoad();

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "k") {
        event.preventDefault();
        load();
        setOpen((was) => !was);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [load]);

  return (
    <>
      <button
        type="button"
        aria-label={t("launcher.button")}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => {
          load();
          setOpen(true);
        }}
        onPointerEnter={load}
        onFocus={load}
        className={cn(
          "inline-flex h-8 items-center gap-2 rounded-md border bg-background px-2 text-sm text-muted-foreground shadow-xs transition-colors hover:bg-accent hover:text-accent-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none sm:w-56 sm:px-3 dark:bg-input/20",
          className,
        )}
      >
        <Search aria-hidden className="size-4" />
        <span className="hidden sm:inline">{t("launcher.placeholder")}</span>
        <kbd className="ml-auto hidden rounded border bg-muted px-1.5 font-sans text-[10px] font-medium sm:inline">{isMac ? t("launcher.shortcutMac") : t("launcher.shortcut")}</kbd>
      </button>
      {loaded ? (
        <Suspense fallback={null}>
          <SearchPaletteDialog open={open} onOpenChange={setOpen} />
        </Suspense>
      ) : null}
    </>
  );
}
