import { SearchResultsView } from "@/features/search/components/search-results-view";

export function Component() {
  return <SearchResultsView />;
}
