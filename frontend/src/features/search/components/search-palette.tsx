import { CornerDownLeft, Loader2, Search } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { paths } from "@/config/paths";
import { toApiError } from "@/lib/api/errors";
import { cn } from "@/lib/utils";

import { useSearch } from "../api/search";
import { useDebouncedValue } from "../lib/use-debounced-value";
import { SearchResultText } from "./search-result-text";

export const SEARCH_DEBOUNCE_MS = 200;
const PALETTE_RESULTS = 8;
/** The API accepts 1 to 200 characters. */
export const MAX_QUERY_LENGTH = 200;
/** The keyboard hints under the results ("search" keys palette.keys.*). */
const KEY_HINTS = ["move", "open", "close"] as const;


function PaletteBody({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation("search");
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  // Typed text waits 200 ms; each text is its own query key, so a slow answer for an
  // older text never shows up over a newer one (and is aborted when no longer wanted).
  const q = useDebouncedValue(text.trimStart(), SEARCH_DEBOUNCE_MS);
  const hasQuery = q.trim().length > 0;
  const query = useSearch({ q, page_size: PALETTE_RESULTS });
  const data = hasQuery ? query.data : undefined;
  const results = data?.results ?? [];
  const seeAll = hasQuery && data !== undefined && data.count > 0;
  const optionCount = results.length + (seeAll ? 1 : 0);
  const current = Math.min(active, Math.max(0, optionCount - 1));
  const optionId = (index: number) => `${listId}-option-${String(index)}`;

  const choose = (index: number) => {
    const result = results[index];
    if (result) void navigate(paths.collectible(result.id));
    else if (seeAll) void navigate(paths.search(data.did_you_mean ?? q.trim()));
    else return;
    onDone();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (optionCount === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + optionCount) % optionCount);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (optionCount > 0) choose(current);
      else if (text.trim()) {
        void navigate(paths.search(text.trim()));
        onDone();
      }
    }
  };

  const waiting = text.trimStart() !== q || (hasQuery && query.isFetching);
  let status: string | null = null;
  if (!hasQuery) status = t("palette.hint");
  else if (query.isError && !data) status = toApiError(query.error).message;
  else if (data?.count === 0) status = t("palette.noMatch", { q: q.trim() });

  return (
    <>
      <div className="flex items-center gap-2 border-b px-3">
        <Search aria-hidden className="size-4 shrink-0 text-muted-foreground" />
        <input
          autoFocus
          role="combobox"
          aria-label={t("palette.input")}
          aria-expanded={optionCount > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={optionCount > 0 ? optionId(current) : undefined}
          maxLength={MAX_QUERY_LENGTH}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder={t("palette.placeholder")}
          className="h-12 min-w-0 flex-1 bg-transparent text-base outline-none placeholder:text-muted-foreground sm:text-sm"
        />
        {waiting ? <Loader2 aria-label={t("palette.searching")} className="size-4 shrink-0 animate-spin text-muted-foreground" /> : null}
      </div>
      {data?.did_you_mean ? (
        <p className="border-b px-4 py-2 text-sm text-muted-foreground">
          <Trans
            t={t}
            i18nKey="palette.didYouMean"
            values={{ suggestion: data.did_you_mean }}
            components={{
              suggestion: (
                <button
                  type="button"
                  className="font-medium text-primary underline-offset-4 hover:underline"
                  onClick={() => {
                    setText(data.did_you_mean ?? "");
                    setActive(0);
                  }}
                />
              ),
            }}
          />
        </p>
      ) : null}
      <ul id={listId} role="listbox" aria-label={t("palette.results")} className="max-h-[min(60vh,28rem)] overflow-y-auto p-1.5 empty:hidden">
        {results.map((result, index) => (
          <li
            key={result.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(index)}
            className={cn("cursor-pointer rounded-md px-3 py-2", index === current && "bg-accent text-accent-foreground")}
          >
            <SearchResultText result={result} />
          </li>
        ))}
        {seeAll ? (
          <li
            id={optionId(results.length)}
            role="option"
            aria-selected={current === results.length}
            onMouseMove={() => setActive(results.length)}
            onClick={() => choose(results.length)}
            className={cn(
              "flex cursor-pointer items-center gap-2 rounded-md px-3 py-2 text-sm text-muted-foreground",
              current === results.length && "bg-accent text-accent-foreground",
            )}
          >
            <Search aria-hidden className="size-4" />
            {t("palette.seeAll", { count: data.count })}
            <CornerDownLeft aria-hidden className="ml-auto size-3.5" />
          </li>
        ) : null}
      </ul>
      {status ? (
        <p role="status" className="px-4 py-6 text-center text-sm text-muted-foreground">
          {status}
        </p>
      ) : null}
      <p className="hidden items-center gap-3 border-t px-4 py-2 text-xs text-muted-foreground sm:flex">
        {KEY_HINTS.map((key) => (
          <span key={key}>
            <Trans t={t} i18nKey={`palette.keys.${key}`} components={{ kbd: <kbd className="font-sans" /> }} />
          </span>
        ))}
      </p>
    </>
  );
}

/** The palette itself, a controlled dialog: loaded only once wanted (search-launcher.tsx
 * holds the button and the shortcut), so it is not part of the first screen's JavaScript. */
export default function SearchPaletteDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const { t } = useTranslation("search");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="top-[12vh] translate-y-0 gap-0 overflow-hidden p-0 sm:max-w-xl [&>button:last-child]:hidden">
        <DialogTitle className="sr-only">{t("palette.title")}</DialogTitle>
        <DialogDescription className="sr-only">{t("palette.description")}</DialogDescription>
        {open ? <PaletteBody onDone={() => onOpenChange(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}
