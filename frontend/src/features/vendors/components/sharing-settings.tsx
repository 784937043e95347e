import { Copy, RefreshCw } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { toApiError } from "@/lib/api/errors";
import type { Vendor } from "@/lib/api/types";

import { type SharingChange, type Visibility, useChangeSharing, useRegenerateShareLink } from "../api/sharing";

/** The choices in order; their names are `sharing.choices.…`, their hints `sharing.hints.…`. */
const CHOICES: Visibility[] = ["private", "unlisted", "public"];

function shareUrl(token: string) {
  return `${window.location.origin}${paths.shared(token)}`;
}

function profileUrl(slug: string) {
  return `${window.location.origin}${paths.profile(slug)}`;
}

function VisibilityChoice({ legend, name, value, disabled, onChange }: {
  legend: string; name: string; value: Visibility; disabled: boolean; onChange: (next: Visibility) => void;
}) {
  const { t } = useTranslation("vendors");
  return (
    <fieldset className="grid gap-1" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {CHOICES.map((choice) => (
        <label key={choice} className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} value={choice} checked={value === choice}
            onChange={() => onChange(choice)} />
          {t(`sharing.choices.${choice}`)}
          <span className="text-muted-foreground">{t(`sharing.hints.${choice}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function CopyField({ label, copyLabel, url }: { label: string; copyLabel: string; url: string }) {
  const { t } = useTranslation("vendors");
  return (
    <div className="grid gap-1">
      <span className="text-sm font-medium">{label}</span>
      <div className="flex gap-2">
        <Input readOnly value={url} aria-label={label} onFocus={(event) => event.currentTarget.select()} />
        <Button type="button" variant="outline" size="sm" aria-label={copyLabel}
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => toast.success(t("copy.copied")),
              () => toast.error(t("copy.failed")),
            )
          }>
          <Copy aria-hidden />
          {t("sharing.copy")}
        </Button>
      </div>
    </div>
  );
}

/** Owners only: who may read this collection and its want list, and whether prices show. */
export function SharingSettings({ vendor }: { vendor: Vendor }) {
  const { t } = useTranslation("vendors");
  const change = useChangeSharing(vendor.id);
  const regenerate = useRegenerateShareLink(vendor.id);
  // The choices sent show at once, in the same event as the click: the mutation's own state
  // arrives a tick later, and a controlled radio would snap back in between.
  const [sent, setSent] = useState<SharingChange>({});
  const save = (body: SharingChange) => {
    setSent((previous) => ({ ...previous, ...body }));
    change.mutate(body, {
      onSuccess: () => toast.success(t("sharing.saved")),
      onError: (error) => {
        setSent({}); // back to what the server holds
        toast.error(toApiError(error).message);
      },
    });
  };
  const shown = { ...vendor, ...sent };
  const shared = vendor.collection_visibility !== "private" || vendor.wants_visibility !== "private";
  const isPublic = vendor.collection_visibility === "public" || vendor.wants_visibility === "public";
  const busy = change.isPending || regenerate.isPending;

  return (
    <section aria-labelledby={`sharing-${String(vendor.id)}`} className="grid gap-3 rounded-lg border p-3">
      <h3 id={`sharing-${String(vendor.id)}`} className="text-sm font-semibold">{t("sharing.heading")}</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <VisibilityChoice legend={t("sharing.collection")} name={`collection-${String(vendor.id)}`}
          value={shown.collection_visibility} disabled={busy}
          onChange={(next) => save({ collection_visibility: next })} />
        <VisibilityChoice legend={t("sharing.wants")} name={`wants-${String(vendor.id)}`}
          value={shown.wants_visibility} disabled={busy}
          onChange={(next) => save({ wants_visibility: next })} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" role="switch" checked={shown.share_show_prices} disabled={busy}
          onChange={(event) => save({ share_show_prices: event.currentTarget.checked })} />
        {t("sharing.showPrices")}
      </label>
      {shared && vendor.share_token ? (
        <div className="grid gap-2">
          <CopyField label={t("sharing.shareLink")} copyLabel={t("sharing.copyShareLink")} url={shareUrl(vendor.share_token)} />
          <div>
            <Button type="button" variant="outline" size="sm" disabled={busy}
              onClick={() =>
                regenerate.mutate(undefined, {
                  onSuccess: () => toast.success(t("sharing.regenerated")),
                  onError: (error) => toast.error(toApiError(error).message),
                })
              }>
              <RefreshCw aria-hidden />
              {t("sharing.regenerate")}
            </Button>
          </div>
        </div>
      ) : null}
      {isPublic ? <CopyField label={t("sharing.publicProfile")} copyLabel={t("sharing.copyPublicProfile")} url={profileUrl(vendor.slug)} /> : null}
    </section>
  );
}
