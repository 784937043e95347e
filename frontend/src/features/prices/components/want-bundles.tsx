import { ChevronDown, ExternalLink } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { ErrorState } from "@/components/states";
import { Skeleton } from "@/components/ui/skeleton";
import { paths } from "@/config/paths";
import type { WantBundle } from "@/lib/api/types";
import { cn, formatMoney } from "@/lib/utils";

import { useWantBundles } from "../api/get-want-bundles";
import { bundleHeadline, offerLink, offerPrice, shippingNote, unlistedItems } from "../lib/bundles";

function BundleCard({ bundle }: { bundle: WantBundle }) {
  const { t } = useTranslation("prices");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const note = shippingNote(bundle, t);
  const more = unlistedItems(bundle);
  return (
    <li className="rounded-xl border bg-card">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center justify-between gap-3 rounded-xl p-3 text-left hover:bg-accent/50"
      >
        <span className="grid gap-0.5">
          <span className="text-sm font-medium">{bundleHeadline(bundle, t)}</span>
          <span className="text-xs text-muted-foreground">
            {bundle.seller}
            {note ? ` · ${note}` : ""}
          </span>
        </span>
        <ChevronDown aria-hidden className={cn("size-4 shrink-0 transition-transform", open && "rotate-180")} />
      </button>
      {open ? (
        <ul id={listId} aria-label={t("bundles.offersFrom", { seller: bundle.seller })} className="border-t px-3">
          {bundle.items.map((item) => {
            const link = offerLink(item);
            return (
              <li key={`${String(item.collectible)}-${String(item.tracker)}`} className="flex flex-wrap items-center justify-between gap-2 border-b py-2 last:border-b-0">
                <Link to={paths.collectible(item.collectible)} className="text-sm hover:underline">
                  {item.name}
                </Link>
                <span className="flex items-center gap-2 text-sm tabular-nums">
                  {offerPrice(item, bundle.currency)}
                  {item.shipping !== null ? (
                    <span className="text-xs text-muted-foreground">
                      {t("bundles.shipping", { amount: formatMoney(item.shipping, item.currency) })}
                    </span>
                  ) : null}
                  {link ? (
                    <a href={link} target="_blank" rel="noreferrer noopener" aria-label={t("bundles.openOffer", { seller: bundle.seller, name: item.name })} className="text-muted-foreground hover:text-foreground">
                      <ExternalLink aria-hidden className="size-4" />
                    </a>
                  ) : null}
                </span>
              </li>
            );
          })}
          {more > 0 ? <li className="py-2 text-xs text-muted-foreground">{t("bundles.more", { count: more })}</li> : null}
        </ul>
      ) : null}
    </li>
  );
}

/** The want list's seller bundles: sellers offering several of your wants right now. */
export function WantBundles({ vendor, className }: { vendor: number | null; className?: string }) {
  const { t } = useTranslation("prices");
  const bundles = useWantBundles(vendor);
  let content;
  if (bundles.isPending) content = <Skeleton className="h-16" />;
  else if (bundles.isError) content = <ErrorState error={bundles.error} onRetry={() => void bundles.refetch()} title={t("bundles.loadError")} />;
  else if (bundles.data.results.length === 0)
    content = <p className="text-sm text-muted-foreground">{t("bundles.empty")}</p>;
  else
    content = (
      <>
        <ul aria-label={t("bundles.listLabel")} className="grid gap-2">
          {bundles.data.results.map((bundle) => (
            <BundleCard key={bundle.seller_key} bundle={bundle} />
          ))}
        </ul>
        {bundles.data.count > bundles.data.results.length ? (
          <p className="text-xs text-muted-foreground">
            {t("bundles.largest", { shown: bundles.data.results.length, count: bundles.data.count })}
          </p>
        ) : null}
      </>
    );
  return (
    <section aria-labelledby="want-bundles-heading" className={cn("grid gap-3", className)}>
      <div>
        <h2 id="want-bundles-heading" className="text-lg font-semibold tracking-tight">
          {t("bundles.heading")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("bundles.description")}</p>
      </div>
      {content}
    </section>
  );
}
