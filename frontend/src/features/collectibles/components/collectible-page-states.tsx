import { SearchX } from "lucide-react";
import { Link } from "react-router";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { isApiError } from "@/lib/api/errors";

export function ItemNotFound() {
  return (
    <EmptyState
      icon={SearchX}
      title="Item not found"
      description="It may have been deleted, or it belongs to a collection you are not a member of."
      action={
        <Button asChild variant="outline">
          <Link to={paths.collection}>Back to your collection</Link>
        </Button>
      }
    />
  );
}

export function ItemLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  if (isApiError(error) && error.status === 404) return <ItemNotFound />;
  return <ErrorState title="Could not load this item" error={error} onRetry={onRetry} />;
}

export function ItemSkeleton() {
  return (
    <div role="status" aria-label="Loading item" className="grid gap-6">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-8 w-72" />
      <div className="grid gap-4 md:grid-cols-2">
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
      </div>
    </div>
  );
}
