import { ImageOff, Search } from "lucide-react";
import { useId, useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toApiError } from "@/lib/api/errors";
import type { CatalogueMatch, CatalogueSearchQuery, CatalogueSource } from "@/lib/api/types";

import { useCatalogueSearch } from "../api/search-catalogue";
import { trackerSourceLabel } from "../lib/labels";

/** The sources whose catalogue can be searched (the API's `source` choices). */
const SEARCHABLE_SOURCES: CatalogueSource[] = ["pricecharting", "cardmarket", "discogs", "ebay_api"];

function isSearchable(source: string): source is CatalogueSource {
  return (SEARCHABLE_SOURCES as string[]).includes(source);
}

interface FindItProps {
  collectibleId: number;
  /** The item's name and number, prefilled (editable). */
  itemQuery: string;
  /** The form's source: searched first when it is searchable. */
  source: string;
  onPick: (match: CatalogueMatch, source: CatalogueSource) => void;
}

/**
 * "Find it": search a marketplace's catalogue by the item's name and number, and pick a
 * match to fill the tracker's address (and source). The search runs on a worker; the list
 * shows what the marketplace answered (title, year / set / format, thumbnail, price hint).
 */
export function FindIt({ collectibleId, itemQuery, source, onPick }: FindItProps) {
  const { t } = useTranslation("prices");
  const id = useId();
  const [chosen, setChosen] = useState<CatalogueSource>(isSearchable(source) ? source : "pricecharting");
  const [text, setText] = useState(itemQuery);
  const [asked, setAsked] = useState<CatalogueSearchQuery | null>(null);
  const search = useCatalogueSearch(asked);
  const error = search.error ? toApiError(search.error) : null;

  const run = () => {
    const q = text.trim();
    setAsked(q ? { source: chosen, q } : { source: chosen, collectible: collectibleId });
  };
  const onEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault(); // not the tracker form's submit
    run();
  };
  const askedLabel = asked ? trackerSourceLabel(asked.source, t) : "";
  const results = search.data?.results ?? [];

  return (
    <section aria-label={t("findIt.label")} className="grid gap-3 rounded-md border bg-muted/30 p-3">
      <div className="grid gap-2 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-source`}>{t("findIt.searchOn")}</Label>
          <NativeSelect id={`${id}-source`} value={chosen} onChange={(e) => setChosen(e.target.value as CatalogueSource)}>
            {SEARCHABLE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {trackerSourceLabel(s, t)}
              </option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-q`}>{t("findIt.query")}</Label>
          <Input
            id={`${id}-q`}
            value={text}
            maxLength={200}
            autoComplete="off"
            placeholder={t("findIt.queryPlaceholder")}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onEnter}
          />
        </div>
        <Button type="button" variant="secondary" disabled={search.isFetching} onClick={run}>
          <Search aria-hidden />
          {search.isFetching ? t("findIt.searching") : t("findIt.search")}
        </Button>
      </div>

      {search.isFetching ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t("findIt.searchingOn", { source: askedLabel })}
        </p>
      ) : null}
      {!search.isFetching && error ? (
        <FormAlert
          message={
            error.code === "missing_credentials"
              ? t("findIt.missingCredentials", { message: error.message })
              : t("findIt.failed", { source: askedLabel, message: error.message })
          }
        />
      ) : null}
      {!search.isFetching && search.data && results.length === 0 ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t("findIt.noMatches", { source: askedLabel, query: search.data.query })}
        </p>
      ) : null}
      {!search.isFetching && results.length > 0 ? (
        <ul aria-label={t("findIt.matches", { source: askedLabel })} className="grid max-h-72 gap-1 overflow-y-auto">
          {results.map((match) => (
            <li key={match.url}>
              <button
                type="button"
                className="flex w-full items-center gap-3 rounded-md px-2 py-1.5 text-left hover:bg-accent focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/60"
                onClick={() => asked && onPick(match, asked.source)}
              >
                {match.image ? (
                  <img src={match.image} alt="" loading="lazy" referrerPolicy="no-referrer" className="size-10 shrink-0 rounded object-cover" />
                ) : (
                  <ImageOff aria-hidden className="size-10 shrink-0 p-2 text-muted-foreground" />
                )}
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium">{match.title}</span>
                  {match.subtitle ? <span className="block truncate text-xs text-muted-foreground">{match.subtitle}</span> : null}
                </span>
                {match.price ? <span className="shrink-0 text-xs tabular-nums text-muted-foreground">{match.price}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
