import { Download } from "lucide-react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { DeleteAccount } from "@/features/auth/components/delete-account";
import { useDownloadTakeout } from "@/features/vendors/api/collections";
import { useVendors } from "@/features/vendors/api/get-vendors";
import { toApiError } from "@/lib/api/errors";

/** The take-out of each collection you own: what deleting the account would remove. */
function TakeoutList() {
  const { t } = useTranslation("app");
  const vendors = useVendors();
  const takeout = useDownloadTakeout();
  if (vendors.isPending) return <Skeleton className="h-10 w-full" />;
  if (vendors.isError) return <ErrorState error={vendors.error} onRetry={() => void vendors.refetch()} title={t("settingsAccount.loadError")} />;
  const owned = vendors.data.filter((v) => v.role === "owner");
  if (owned.length === 0) return <p className="text-sm text-muted-foreground">{t("settingsAccount.noneOwned")}</p>;
  return (
    <>
      <p className="text-sm text-muted-foreground">
        <Trans
          t={t}
          i18nKey="settingsAccount.intro"
          components={{ anchor: <Link to={paths.collectionSettings} className="underline underline-offset-4" /> }}
        />
      </p>
      <ul className="grid gap-2">
        {owned.map((vendor) => (
          <li key={vendor.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
            <span className="font-medium">{vendor.name}</span>
            <Button
              variant="outline"
              size="sm"
              aria-label={t("settingsAccount.downloadLabel", { name: vendor.name })}
              disabled={takeout.isPending}
              onClick={() =>
                takeout.mutate(vendor.id, {
                  onSuccess: () => toast.success(t("settingsAccount.downloaded", { name: vendor.name })),
                  onError: (error) => toast.error(toApiError(error).message),
                })
              }
            >
              <Download aria-hidden /> {takeout.isPending && takeout.variables === vendor.id ? t("settingsAccount.preparing") : t("settingsAccount.download")}
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function Component() {
  const { t } = useTranslation("app");
  return (
    <>
      <title>{t("settingsAccount.pageTitle")}</title>
      <DeleteAccount takeout={<TakeoutList />} />
    </>
  );
}
