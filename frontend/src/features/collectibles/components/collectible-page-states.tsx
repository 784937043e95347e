import { SearchX } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { EmptyState, ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import { isApiError } from "@/lib/api/errors";

export function ItemNotFound() {
  const { t } = useTranslation("collectibles");
  return (
    <EmptyState
      icon={SearchX}
      title={t("states.notFound")}
      description={t("states.notFoundDescription")}
      action={
        <Button asChild variant="outline">
          <Link to={paths.collection}>{t("states.backToCollection")}</Link>
        </Button>
      }
    />
  );
}

export function ItemLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation("collectibles");
  if (isApiError(error) && error.status === 404) return <ItemNotFound />;
  return <ErrorState title={t("states.loadError")} error={error} onRetry={onRetry} />;
}

export function ItemSkeleton() {
  const { t } = useTranslation("collectibles");
  return (
    <div role="status" aria-label={t("states.loading")} className="grid gap-6">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-8 w-72" />
      <div className="grid gap-4 md:grid-cols-2">
        <Skeleton className="h-48" />
        <Skeleton className="h-48" />
      </div>
    </div>
  );
}
