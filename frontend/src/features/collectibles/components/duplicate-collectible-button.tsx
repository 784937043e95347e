import { Copy } from "lucide-react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { Collectible } from "@/lib/api/types";

import { useDuplicateCollectible } from "../api/duplicate-collectible";

/** "Another copy of this": details and tags copied, not its trackers, prices or photos. */
export function DuplicateCollectibleButton({ item, onDuplicated }: { item: Collectible; onDuplicated: (copy: Collectible) => void }) {
  const { t } = useTranslation("collectibles");
  const duplicate = useDuplicateCollectible();
  return (
    <Button
      variant="outline"
      disabled={duplicate.isPending}
      onClick={() =>
        duplicate.mutate(item.id, {
          onSuccess: (copy) => {
            toast.success(t("actions.duplicated", { name: copy.name }));
            onDuplicated(copy);
          },
          onError: (error) => toast.error(t("actions.duplicateFailed", { message: toApiError(error).message })),
        })
      }
    >
      <Copy aria-hidden /> {duplicate.isPending ? t("actions.duplicating") : t("actions.duplicate")}
    </Button>
  );
}
