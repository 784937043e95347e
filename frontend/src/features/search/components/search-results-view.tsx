import { Search, SearchX } from "lucide-react";
import { useState, type SyntheticEvent } from "react";
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
  return (
    <div role="status" aria-label="Searching" className="grid gap-2">
      {[0, 1, 2, 3, 4].map((i) => (
        <Skeleton key={i} className="h-16 rounded-lg" />
      ))}
    </div>
  );
}

/** The full results page: the same search as the palette, paginated and in the URL. */
export function SearchResultsView() {
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
  if (!q.trim()) body = <EmptyState icon={Search} title="Search your collection" description="Names, sets, numbers, tags, card games and notes. Use quotes for a phrase, “or” for either word and -word to leave one out." />;
  else if (query.isPending) body = <ResultsSkeleton />;
  else if (query.isError && !data) body = <ErrorState title="Search failed" error={query.error} onRetry={() => void query.refetch()} />;
  else if (data?.count === 0)
    body = <EmptyState icon={SearchX} title={`No items match “${q}”`} description="Check the spelling, or try fewer or shorter words." />;
  else if (data)
    body = (
      <div className={cn("grid grid-cols-1 gap-4 transition-opacity", query.isPlaceholderData && "opacity-60")}>
        <Card className="overflow-hidden p-0">
          <ol aria-label="Results" className="divide-y">
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
      <title>{q ? `${q} · Search · Omni-Stock` : "Search · Omni-Stock"}</title>
      <h1 className="text-2xl font-semibold tracking-tight">Search</h1>
      <form role="search" onSubmit={submit} className="flex gap-2">
        <Input
          type="search"
          aria-label="Search text"
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          onChange={(event) => setText(event.target.value)}
          placeholder="Search your collection…"
        />
        <Button type="submit">Search</Button>
      </form>
      {data?.did_you_mean ? (
        <p className="text-sm text-muted-foreground">
          No items match “{q}”. Showing results for{" "}
          <Link to={paths.search(data.did_you_mean)} className="font-medium text-primary underline-offset-4 hover:underline">
            {data.did_you_mean}
          </Link>
          .
        </p>
      ) : data ? (
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {data.count === 1 ? "1 item" : `${String(data.count)} items`} match “{q}”
        </p>
      ) : null}
      {body}
    </div>
  );
}
