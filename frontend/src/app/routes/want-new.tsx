import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { useCreateAlertRule } from "@/features/alerts/api/alerts";
import { maxPriceRule } from "@/features/alerts/lib/rule-form";
import { useCreateCollectible } from "@/features/collectibles/api/create-collectible";
import { CollectibleForm } from "@/features/collectibles/components/collectible-form";
import { ItemSkeleton } from "@/features/collectibles/components/collectible-page-states";
import { emptyFormValues } from "@/features/collectibles/lib/form-schema";
import { useVendors } from "@/features/vendors/api/get-vendors";
import { toApiError } from "@/lib/api/errors";
import { formatMoney } from "@/lib/utils";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const { t } = useTranslation("collectibles");
  const navigate = useNavigate();
  const create = useCreateCollectible();
  const createRule = useCreateAlertRule();
  const vendorsQuery = useVendors();
  const preference = useVendorPreference();

  // Viewers cannot add items: offer only vendors you can write to.
  const writable = (vendorsQuery.data ?? []).filter((v) => v.role !== "viewer");
  const initialVendor =
    writable.find((v) => v.id === preference) ?? writable.find((v) => v.is_personal) ?? writable[0];

  return (
    <div className="mx-auto grid max-w-3xl gap-5">
      <title>{t("routes.newWantPageTitle")}</title>
      <h1 className="text-2xl font-semibold tracking-tight">{t("routes.newWantHeading")}</h1>
      {vendorsQuery.isPending ? (
        <ItemSkeleton />
      ) : (
        <CollectibleForm
          mode="create"
          vendors={writable}
          defaultValues={emptyFormValues(initialVendor?.id ?? null, "wanted")}
          onCancel={() => void navigate(-1)}
          onSubmit={async (body, { alertAtMaxPrice }) => {
            const item = await create.mutateAsync(body);
            const rule = alertAtMaxPrice ? maxPriceRule(item) : null;
            if (rule) {
              try {
                await createRule.mutateAsync(rule);
                toast.success(t("routes.wantAddedWithAlert", { name: item.name, price: formatMoney(item.max_price, item.max_price_currency) }));
              } catch (error) {
                toast.error(t("routes.wantAlertFailed", { name: item.name, message: toApiError(error).message }));
              }
            } else {
              toast.success(t("routes.wantAdded", { name: item.name }));
            }
            void navigate(paths.collectible(item.id), { replace: true });
          }}
        />
      )}
    </div>
  );
}
