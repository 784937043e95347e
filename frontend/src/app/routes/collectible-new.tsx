import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { useCreateCollectible } from "@/features/collectibles/api/create-collectible";
import { CollectibleForm } from "@/features/collectibles/components/collectible-form";
import { ItemSkeleton } from "@/features/collectibles/components/collectible-page-states";
import { emptyFormValues } from "@/features/collectibles/lib/form-schema";
import { useVendors } from "@/features/vendors/api/get-vendors";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const { t } = useTranslation("collectibles");
  const navigate = useNavigate();
  const create = useCreateCollectible();
  const vendorsQuery = useVendors();
  const preference = useVendorPreference();

  // Viewers cannot add items: offer only vendors you can write to.
  const writable = (vendorsQuery.data ?? []).filter((v) => v.role !== "viewer");
  const initialVendor =
    writable.find((v) => v.id === preference) ?? writable.find((v) => v.is_personal) ?? writable[0];

  return (
    <div className="mx-auto grid max-w-3xl gap-5">
      <title>{t("routes.newPageTitle")}</title>
      <h1 className="text-2xl font-semibold tracking-tight">{t("routes.newHeading")}</h1>
      {vendorsQuery.isPending ? (
        <ItemSkeleton />
      ) : (
        <CollectibleForm
          mode="create"
          vendors={writable}
          defaultValues={emptyFormValues(initialVendor?.id ?? null)}
          onCancel={() => void navigate(-1)}
          onSubmit={async (body) => {
            const item = await create.mutateAsync(body);
            toast.success(t("routes.added", { name: item.name }));
            void navigate(paths.collectible(item.id), { replace: true });
          }}
        />
      )}
    </div>
  );
}
