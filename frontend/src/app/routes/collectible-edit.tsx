import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";

import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { useCollectible } from "@/features/collectibles/api/get-collectible";
import { useUpdateCollectible } from "@/features/collectibles/api/update-collectible";
import { CollectibleForm } from "@/features/collectibles/components/collectible-form";
import { ItemLoadError, ItemNotFound, ItemSkeleton } from "@/features/collectibles/components/collectible-page-states";
import { parseItemId } from "@/features/collectibles/lib/item-id";
import { formValuesFromCollectible } from "@/features/collectibles/lib/form-schema";
import { useVendors } from "@/features/vendors/api/get-vendors";

function Edit({ id }: { id: number }) {
  const { t } = useTranslation("collectibles");
  const navigate = useNavigate();
  const query = useCollectible(id);
  const update = useUpdateCollectible(id);
  const vendors = useVendors().data ?? [];
  if (query.isPending) return <ItemSkeleton />;
  if (query.isError) return <ItemLoadError error={query.error} onRetry={() => void query.refetch()} />;
  const item = query.data;
  return (
    <div className="mx-auto grid max-w-3xl gap-5">
      <title>{t("routes.editPageTitle", { name: item.name })}</title>
      <h1 className="text-2xl font-semibold tracking-tight break-words">{t("routes.editHeading", { name: item.name })}</h1>
      <CollectibleForm
        // A fresh form when another item is opened in the same route.
        key={item.id}
        mode="edit"
        vendors={vendors}
        defaultValues={formValuesFromCollectible(item)}
        onCancel={() => void navigate(paths.collectible(item.id))}
        onSubmit={async (body) => {
          const saved = await update.mutateAsync(body);
          toast.success(t("routes.saved"));
          void navigate(paths.collectible(saved.id), { replace: true });
        }}
      />
    </div>
  );
}

export function Component() {
  const id = parseItemId(useParams().id);
  return id === null ? <ItemNotFound /> : <Edit id={id} />;
}
