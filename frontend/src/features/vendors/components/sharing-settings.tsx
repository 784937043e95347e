import { Copy, RefreshCw } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { toApiError } from "@/lib/api/errors";
import type { Vendor } from "@/lib/api/types";

import { type SharingChange, type Visibility, useChangeSharing, useRegenerateShareLink } from "../api/sharing";

const CHOICES: { value: Visibility; label: string; hint: string }[] = [
  { value: "private", label: "Private", hint: "Only members." },
  { value: "unlisted", label: "Unlisted", hint: "Anyone with the secret link." },
  { value: "public", label: "Public", hint: "On your profile page, and by the link." },
];

function shareUrl(token: string) {
  return `${window.location.origin}${paths.shared(token)}`;
}

function profileUrl(slug: string) {
  return `${window.location.origin}${paths.profile(slug)}`;
}

function VisibilityChoice({ legend, name, value, disabled, onChange }: {
  legend: string; name: string; value: Visibility; disabled: boolean; onChange: (next: Visibility) => void;
}) {
  return (
    <fieldset className="grid gap-1" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="flex items-center gap-2 text-sm">
          <input type="radio" name={name} value={choice.value} checked={value === choice.value}
            onChange={() => onChange(choice.value)} />
          {choice.label}
          <span className="text-muted-foreground">— {choice.hint}</span>
        </label>
      ))}
    </fieldset>
  );
}

function CopyField({ label, url }: { label: string; url: string }) {
  return (
    <div className="grid gap-1">
      <span className="text-sm font-medium">{label}</span>
      <div className="flex gap-2">
        <Input readOnly value={url} aria-label={label} onFocus={(event) => event.currentTarget.select()} />
        <Button type="button" variant="outline" size="sm" aria-label={`Copy ${label.toLowerCase()}`}
          onClick={() =>
            void navigator.clipboard.writeText(url).then(
              () => toast.success("Link copied."),
              () => toast.error("Could not copy: select the link and copy it."),
            )
          }>
          <Copy aria-hidden />
          Copy
        </Button>
      </div>
    </div>
  );
}

/** Owners only: who may read this collection and its want list, and whether prices show. */
export function SharingSettings({ vendor }: { vendor: Vendor }) {
  const change = useChangeSharing(vendor.id);
  const regenerate = useRegenerateShareLink(vendor.id);
  // The choices sent show at once, in the same event as the click: the mutation's own state
  // arrives a tick later, and a controlled radio would snap back in between.
  const [sent, setSent] = useState<SharingChange>({});
  const save = (body: SharingChange) => {
    setSent((previous) => ({ ...previous, ...body }));
    change.mutate(body, {
      onSuccess: () => toast.success("Sharing saved."),
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
      <h3 id={`sharing-${String(vendor.id)}`} className="text-sm font-semibold">Sharing</h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <VisibilityChoice legend="Collection" name={`collection-${String(vendor.id)}`}
          value={shown.collection_visibility} disabled={busy}
          onChange={(next) => save({ collection_visibility: next })} />
        <VisibilityChoice legend="Want list" name={`wants-${String(vendor.id)}`}
          value={shown.wants_visibility} disabled={busy}
          onChange={(next) => save({ wants_visibility: next })} />
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" role="switch" checked={shown.share_show_prices} disabled={busy}
          onChange={(event) => save({ share_show_prices: event.currentTarget.checked })} />
        Show prices and values on shared pages
      </label>
      {shared && vendor.share_token ? (
        <div className="grid gap-2">
          <CopyField label="Share link" url={shareUrl(vendor.share_token)} />
          <div>
            <Button type="button" variant="outline" size="sm" disabled={busy}
              onClick={() =>
                regenerate.mutate(undefined, {
                  onSuccess: () => toast.success("New link made: the old one no longer works."),
                  onError: (error) => toast.error(toApiError(error).message),
                })
              }>
              <RefreshCw aria-hidden />
              Regenerate link
            </Button>
          </div>
        </div>
      ) : null}
      {isPublic ? <CopyField label="Public profile" url={profileUrl(vendor.slug)} /> : null}
    </section>
  );
}
