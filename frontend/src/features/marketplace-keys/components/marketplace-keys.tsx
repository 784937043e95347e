import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";

import { ErrorState } from "@/components/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import type { MarketplaceCredential } from "@/lib/api/types";

import { useCreateMarketplaceKey, useMarketplaceKeys, useUpdateMarketplaceKey } from "../api/credentials";
import { credentialFor, PROVIDER_ORDER, PROVIDERS, type ProviderInfo } from "../lib/providers";
import { KeyForm } from "./key-form";
import { RemoveKeyButton } from "./remove-key-button";

function ProviderKeyCard({ info, credential, onEdit }: { info: ProviderInfo; credential: MarketplaceCredential | undefined; onEdit: () => void }) {
  const { t } = useTranslation("marketplaceKeys");
  return (
    <li aria-label={info.label}>
      <Card>
        <CardHeader className="flex flex-row items-start justify-between gap-2">
          <div className="grid gap-1">
            <CardTitle className="flex items-center gap-2 text-base">
              <KeyRound aria-hidden className="size-4" />
              {info.label}
            </CardTitle>
            <CardDescription>{t(`providers.${info.provider}.usedFor`)}</CardDescription>
          </div>
          {credential ? <Badge variant="outline">{t("list.saved")}</Badge> : <Badge>{t("list.notSaved")}</Badge>}
        </CardHeader>
        <CardContent className="grid gap-3">
          {credential ? (
            <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
              {info.fields.map((field) => (
                <div key={field.name} className="contents">
                  <dt className="text-muted-foreground">{t(`fields.${field.name}`)}</dt>
                  <dd className="font-mono">{credential[field.masked] || "•••"}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-muted-foreground">{t("list.noKey", { withoutKey: t(`providers.${info.provider}.withoutKey`) })}</p>
          )}
          <p className="text-xs text-muted-foreground">
            <Trans
              t={t}
              i18nKey="list.whereToGet"
              values={{ whereToGet: t(`providers.${info.provider}.whereToGet`), host: new URL(info.whereToGetUrl).hostname }}
              components={{
                anchor: <a className="underline underline-offset-2" href={info.whereToGetUrl} target="_blank" rel="noreferrer" />,
              }}
            />
          </p>
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" onClick={onEdit}>
              {credential ? t("list.replaceKey") : t("list.addKey")}
            </Button>
            {credential ? <RemoveKeyButton info={info} credential={credential} /> : null}
          </div>
        </CardContent>
      </Card>
    </li>
  );
}

/** The user's own API keys for the marketplaces priced through their API (Discogs, eBay). */
export function MarketplaceKeys() {
  const { t } = useTranslation("marketplaceKeys");
  const keys = useMarketplaceKeys();
  const create = useCreateMarketplaceKey();
  const update = useUpdateMarketplaceKey();
  // The key as it was when the form opened: the list refetches before the dialog closes.
  const [editing, setEditing] = useState<{ info: ProviderInfo; saved: MarketplaceCredential | undefined } | null>(null);
  const info = editing?.info ?? null;
  const saved = editing?.saved;

  let content;
  if (keys.isPending) content = <Skeleton className="h-32" />;
  else if (keys.isError) {
    content = <ErrorState title={t("list.loadError")} error={keys.error} onRetry={() => void keys.refetch()} />;
  } else {
    content = (
      <ul className="grid gap-3" aria-label={t("list.listLabel")}>
        {PROVIDER_ORDER.map((provider) => (
          <ProviderKeyCard
            key={provider}
            info={PROVIDERS[provider]}
            credential={credentialFor(keys.data, provider)}
            onEdit={() => setEditing({ info: PROVIDERS[provider], saved: credentialFor(keys.data, provider) })}
          />
        ))}
      </ul>
    );
  }

  return (
    <section className="grid gap-5" aria-labelledby="marketplace-keys-heading">
      <div>
        <h2 id="marketplace-keys-heading" className="text-xl font-semibold tracking-tight">
          {t("list.heading")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("list.intro")}</p>
      </div>
      {content}
      <Dialog open={info !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogTitle>{info ? t(saved ? "list.replaceTitle" : "list.addTitle", { provider: info.label }) : ""}</DialogTitle>
          <DialogDescription>{info ? t(`providers.${info.provider}.usedFor`) : null}</DialogDescription>
          {info ? (
            <KeyForm
              info={info}
              credential={saved}
              onCancel={() => setEditing(null)}
              onSubmit={async (body) => {
                if (saved) await update.mutateAsync({ id: saved.id, body });
                else await create.mutateAsync({ provider: info.provider, ...body });
                toast.success(t("list.keySaved", { provider: info.label }));
                setEditing(null);
              }}
            />
          ) : null}
        </DialogContent>
      </Dialog>
    </section>
  );
}
