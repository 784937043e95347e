import { RefreshCw } from "lucide-react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { Vendor } from "@/lib/api/types";
import { cn } from "@/lib/utils";

import { useRefreshCollectionPrices } from "../api/refresh-collection-prices";
import { vendorRefreshSummary } from "../lib/jobs";
import type { PricesT } from "../lib/labels";

/** The client words every 429 in seconds; a collection's refresh waits minutes. */
function failureMessage(error: unknown, t: PricesT): string {
  const failure = toApiError(error);
  if (failure.status !== 429) return failure.message;
  const minutes = Math.max(1, Math.ceil((failure.retryAfter ?? 60) / 60));
  return t("refreshAll.tooSoon", { count: minutes });
}

/**
 * "Refresh all prices" of one collection: queues a check of every active tracker of its
 * items and says in a toast how many. Unlike an item's refresh it does not follow the
 * jobs (one per item): prices arrive in the background. Hidden for viewers, whom the
 * server would refuse; a refresh asked again within minutes is refused (429), and the
 * toast says when to try again.
 */
export function RefreshCollectionPrices({ vendor }: { vendor: Vendor }) {
  const { t } = useTranslation("prices");
  const refresh = useRefreshCollectionPrices(vendor.id);
  if (vendor.role === "viewer") return null;
  return (
    <Button
      variant="outline"
      disabled={refresh.isPending}
      title={t("refreshAll.title", { name: vendor.name })}
      onClick={() => {
        refresh.mutate(undefined, {
          onSuccess: (result) => {
            const message = vendorRefreshSummary(result, t);
            if (result.queued > 0) toast.success(message);
            else toast.info(message);
          },
          onError: (error) => toast.error(failureMessage(error, t)),
        });
      }}
    >
      <RefreshCw aria-hidden className={cn(refresh.isPending && "animate-spin motion-reduce:animate-none")} />
      {refresh.isPending ? t("refreshAll.refreshing") : t("refreshAll.button")}
    </Button>
  );
}
