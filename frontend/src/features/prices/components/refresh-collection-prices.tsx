import { RefreshCw } from "lucide-react";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { Vendor } from "@/lib/api/types";
import { cn } from "@/lib/utils";

import { useRefreshCollectionPrices } from "../api/refresh-collection-prices";
import { vendorRefreshSummary } from "../lib/jobs";

/** The client words every 429 in seconds; a collection's refresh waits minutes. */
function failureMessage(error: unknown): string {
  const failure = toApiError(error);
  if (failure.status !== 429) return failure.message;
  const minutes = Math.max(1, Math.ceil((failure.retryAfter ?? 60) / 60));
  return `This collection's prices were refreshed a few minutes ago; try again in ${minutes === 1 ? "a minute" : `${String(minutes)} minutes`}.`;
}

/**
 * "Refresh all prices" of one collection: queues a check of every active tracker of its
 * items and says in a toast how many. Unlike an item's refresh it does not follow the
 * jobs (one per item): prices arrive in the background. Hidden for viewers, whom the
 * server would refuse; a refresh asked again within minutes is refused (429), and the
 * toast says when to try again.
 */
export function RefreshCollectionPrices({ vendor }: { vendor: Vendor }) {
  const refresh = useRefreshCollectionPrices(vendor.id);
  if (vendor.role === "viewer") return null;
  return (
    <Button
      variant="outline"
      disabled={refresh.isPending}
      title={`Check every active tracker of ${vendor.name} now`}
      onClick={() => {
        refresh.mutate(undefined, {
          onSuccess: (result) => {
            const message = vendorRefreshSummary(result);
            if (result.queued > 0) toast.success(message);
            else toast.info(message);
          },
          onError: (error) => toast.error(failureMessage(error)),
        });
      }}
    >
      <RefreshCw aria-hidden className={cn(refresh.isPending && "animate-spin motion-reduce:animate-none")} />
      {refresh.isPending ? "Refreshing…" : "Refresh all prices"}
    </Button>
  );
}
