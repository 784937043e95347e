import { Trash2 } from "lucide-react";
import { useTranslation } from "react-i18next";

import { ConfirmThenUndoDelete } from "@/components/confirm-then-undo-delete";
import { Button } from "@/components/ui/button";
import type { MarketplaceCredential } from "@/lib/api/types";

import { useDeleteMarketplaceKey } from "../api/credentials";
import { marketplaceKeyKeys } from "../api/keys";
import type { ProviderInfo } from "../lib/providers";

/** Asked first, then undoable like every delete: a removed key has to be fetched from the marketplace again. */
export function RemoveKeyButton({ info, credential }: { info: ProviderInfo; credential: MarketplaceCredential }) {
  const { t } = useTranslation("marketplaceKeys");
  const remove = useDeleteMarketplaceKey();
  return (
    <ConfirmThenUndoDelete
      trigger={
        <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden /> {t("remove.button")}
        </Button>
      }
      title={t("remove.title", { provider: info.label })}
      description={t("remove.description", { withoutKey: t(`providers.${info.provider}.withoutKey`) })}
      confirmLabel={t("remove.confirm")}
      undo={{
        lists: marketplaceKeyKeys.list(), ids: [credential.id], message: t("remove.removed", { provider: info.label }),
        send: () => remove.mutateAsync(credential.id),
      }}
    />
  );
}
