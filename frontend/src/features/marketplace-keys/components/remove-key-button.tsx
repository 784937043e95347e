import { Trash2 } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ConfirmDestructiveDialog } from "@/components/confirm-destructive-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import type { MarketplaceCredential } from "@/lib/api/types";

import { useDeleteMarketplaceKey } from "../api/credentials";
import type { ProviderInfo } from "../lib/providers";

export function RemoveKeyButton({ info, credential }: { info: ProviderInfo; credential: MarketplaceCredential }) {
  const { t } = useTranslation("marketplaceKeys");
  const [open, setOpen] = useState(false);
  const remove = useDeleteMarketplaceKey();
  return (
    <ConfirmDestructiveDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) remove.reset();
      }}
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> {t("remove.button")}
        </Button>
      }
      title={t("remove.title", { provider: info.label })}
      description={t("remove.description", { withoutKey: t(`providers.${info.provider}.withoutKey`) })}
      confirmLabel={t("remove.confirm")}
      pendingLabel={t("remove.pending")}
      pending={remove.isPending}
      error={remove.isError ? remove.error : null}
      onConfirm={() =>
        remove.mutate(credential.id, {
          onSuccess: () => {
            setOpen(false);
            toast.success(t("remove.removed", { provider: info.label }));
          },
        })
      }
    />
  );
}
