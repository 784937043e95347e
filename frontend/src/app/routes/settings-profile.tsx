import { useTranslation } from "react-i18next";

import { ErrorState } from "@/components/states";
import { Skeleton } from "@/components/ui/skeleton";
import { useMe } from "@/features/auth/api/get-me";
import { LanguageSelect } from "@/features/auth/components/language-select";
import { ProfileForm } from "@/features/auth/components/profile-form";
import { useVendors } from "@/features/vendors/api/get-vendors";
import { useVendorPreference } from "@/lib/vendor-preference";

export function Component() {
  const { t } = useTranslation("app");
  const me = useMe();
  const vendors = useVendors().data ?? [];
  const preferred = useVendorPreference();
  const collection = vendors.find((v) => v.id === preferred) ?? vendors.find((v) => v.is_personal);
  return (
    <>
      <title>{t("settingsProfile.pageTitle")}</title>
      <div className="grid gap-6">
        {me.isPending ? (
          <Skeleton className="h-72 w-full" />
        ) : me.isError ? (
          <ErrorState error={me.error} onRetry={() => void me.refetch()} title={t("settingsProfile.loadError")} />
        ) : (
          <ProfileForm user={me.data} collectionCurrency={collection?.default_currency} />
        )}
        {/* A setting of this device, not of the account: there even when the profile is not. */}
        <LanguageSelect />
      </div>
    </>
  );
}
