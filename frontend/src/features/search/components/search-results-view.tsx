import { Search, SearchX } from "lucide-react";
import { useState, type SyntheticEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pagination } from "@/components/pagination";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { DEFAULT_PAGE_SIZE, isPageSize } from "@/lib/pagination";
import { cn } from "@/lib/utils";

import { useSearch } from "../api/search";
import { SearchResultText } from "./search-result-text";
import { MAX_QUERY_LENGTH } from "./search-palette";

function positiveInt(raw: string | null, fallback: number): number {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** q, page and page_size live in the URL: `/search?q=charizard&page=2`. */
function useSearchUrl() {
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const page = positiveInt(params.get("page"), 1);
  const rawSize = positiveInt(params.get("page_size"), DEFAULT_PAGE_SIZE);
  const pageSize = isPageSize(rawSize) ? rawSize : DEFAULT_PAGE_SIZE;
  const update = (next: { q?: string; page?: number; pageSize?: number }) => {
    const search = new URLSearchParams();
    const nq = next.q ?? q;
    const np = next.page ?? page;
    const ns = next.pageSize ?? pageSize;
    if (nq) search.set("q", nq);
    if (np > 1) search.set("page", String(np));
    if (ns !== DEFAULT_PAGE_SIZE) search.set("page_size", String(ns));
    setParams(search);
  };
  return { q, page, pageSize, update };
}

function ResultsSkeleton() {
  const { t } = useTranslation("search");
  return (
    <div role="status" aria-label={t("page.searching")} className="grid gap-2">
      {[0, 1, 2, 3, 4].map((i) => (
        <Skeleton key={i} className="h-16 rounded-lg" />
      ))}
    </div>
  );
}

/** The full results page: the same search as the palette, paginated and in the URL. */
export function SearchResultsView() {
  const { t } = useTranslation("search");
  const { q, page, pageSize, update } = useSearchUrl();
  const [text, setText] = useState(q);
  const [lastQ, setLastQ] = useState(q);
  // Back/forward or the palette changed the URL: show its text.
  if (q !== lastQ) {
    setLastQ(q);
    setText(q);
  }
  const query = useSearch({ q, page, page_size: pageSize });
  const data = q.trim() ? query.data : undefined;

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    update({ q: text.trim(), page: 1 });
  };

  let body;
  if (!q.trim()) body = <EmptyState icon={Search} title={t("page.emptyTitle")} description={t("page.emptyDescription")} />;
  else if (query.isPending) body = <ResultsSkeleton />;
  else if (query.isError && !data) body = <ErrorState title={t("page.failed")} error={query.error} onRetry={() => void query.refetch()} />;
  else if (data?.count === 0)
    body = <EmptyState icon={SearchX} title={t("page.noMatchTitle", { q })} description={t("page.noMatchDescription")} />;
  else if (data)
    body = (
      <div className={cn("grid grid-cols-1 gap-4 transition-opacity", query.isPlaceholderData && "opacity-60")}>
        <Card className="overflow-hidden p-0">
          <ol aria-label={t("page.results")} className="divide-y">
            {data.results.map((result) => (
              <li key={result.id}>
                <Link
                  to={paths.collectible(result.id)}
                  className="block px-4 py-3 transition-colors hover:bg-accent focus-visible:bg-accent focus-visible:outline-none"
                >
                  <SearchResultText result={result} extras={4} />
                </Link>
              </li>
            ))}
          </ol>
        </Card>
        <Pagination
          page={page}
          pageSize={pageSize}
          count={data.count}
          onPageChange={(p) => update({ page: p })}
          onPageSizeChange={(size) => update({ pageSize: size, page: 1 })}
        />
      </div>
    );

  return (
    <div className="grid grid-cols-1 gap-5">
      <title>{q ? t("page.documentTitleQuery", { q }) : t("page.documentTitle")}</title>
      <h1 className="text-2xl font-semibold tracking-tight">{t("page.heading")}</h1>
      <form role="search" onSubmit={submit} className="flex gap-2">
        <Input
          type="search"
          aria-label={t("page.input")}
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(event) => setText(event.target.value)}
          placeholder={t("page.placeholder")}
        />
        <Button type="submit">{t("page.submit")}</Button>
      </form>
      {data?.did_you_mean ? (
        <p className="text-sm text-muted-foreground">
          <Trans
            t={t}
            i18nKey="page.showingInstead"
            values={{ q, suggestion: data.did_you_mean }}
            components={{
              suggestion: <Link to={paths.search(data.did_you_mean)} className="font-medium text-primary underline-offset-4 hover:underline" />,
            }}
          />
        </p>
      ) : data ? (
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {t("page.matches", { count: data.count, q })}
        </p>
      ) : null}
      {body}
    </div>
  );
}
