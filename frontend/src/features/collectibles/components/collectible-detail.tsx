import { ArrowLeft, Pencil } from "lucide-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { paths } from "@/config/paths";
import type { Collectible, Vendor } from "@/lib/api/types";
import { CATEGORIES, COMPLETENESS, CONDITIONS, FINISHES, GRADERS, LANGUAGES, MARKET_REGIONS, labelOf } from "@/lib/choices";
import { formatDate, formatDateTime, formatDecimal, formatMoney } from "@/lib/utils";

import { ageLabel, basisShort } from "../lib/item-value";
import { DeleteCollectibleButton } from "./delete-collectible-button";
import { DuplicateCollectibleButton } from "./duplicate-collectible-button";
import { GainText } from "./item-bits";

function Facts({ items }: { items: [string, ReactNode][] }) {
  const { t } = useTranslation("collectibles");
  const shown = items.filter(([, value]) => value !== "" && value !== null && value !== undefined);
  if (shown.length === 0) return <p className="text-sm text-muted-foreground">{t("detail.nothingRecorded")}</p>;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
      {shown.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

interface CollectibleDetailProps {
  item: Collectible;
  vendor: Vendor | undefined;
  /** The prices part of the page: another feature's, so the route passes it in. */
  renderPrices: (canEdit: boolean) => ReactNode;
  /** The photos part of the page, likewise. */
  renderPhotos?: (canEdit: boolean) => ReactNode;
  /** A wanted item's max price, best offers and "I bought it" (the wants feature's), in place of its purchase. */
  renderWant?: (canEdit: boolean) => ReactNode;
}

/** The item's value where the page starts (the price section with its chart and
 * trackers comes after the facts): what it is worth, on what basis, and the gain. */
function HeaderValue({ item }: { item: Collectible }) {
  const { t } = useTranslation("collectibles");
  const valuation = item.valuation;
  if (item.status !== "owned" || !valuation) return null;
  const detail = [basisShort(valuation.basis, t), ageLabel(valuation.age_days, t)].filter(Boolean).join(", ");
  return (
    <dl className="mt-3 flex flex-wrap items-end gap-x-6 gap-y-2" data-testid="header-value">
      <div>
        <dt className="text-xs text-muted-foreground">{t("detail.value")}</dt>
        <dd className="text-xl font-semibold tabular-nums">
          {valuation.value !== null ? formatMoney(valuation.value, valuation.currency) : t("detail.noValue")}
          {valuation.value !== null && detail ? (
            <span className={valuation.is_stale ? "ml-2 text-xs font-normal text-warning" : "ml-2 text-xs font-normal text-muted-foreground"}>
              {[detail, valuation.is_stale ? t("value.stale") : ""].filter(Boolean).join(" · ")}
            </span>
          ) : null}
        </dd>
      </div>
      {valuation.value !== null && valuation.cost !== null ? (
        <div>
          <dt className="text-xs text-muted-foreground">{t("detail.gain")}</dt>
          <dd className="font-medium tabular-nums">
            <GainText item={item} />
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

export function CollectibleDetail({ item, vendor, renderPrices, renderPhotos, renderWant }: CollectibleDetailProps) {
  const { t } = useTranslation(["collectibles", "common"]);
  const navigate = useNavigate();
  const canEdit = vendor ? vendor.role !== "viewer" : true;
  const card = item.card_details;
  const quantity = item.quantity ?? 1;
  const total = item.purchase_price && quantity > 1 ? Number(item.purchase_price) * quantity : null;

  return (
    <div className="grid gap-6">
      <div>
        <Link to={paths.collection} className="inline-flex items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          <ArrowLeft aria-hidden className="size-4" /> {t("detail.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="text-2xl font-semibold tracking-tight break-words">{item.name}</h1>
            <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
              <Badge>{labelOf(CATEGORIES, item.category, t)}</Badge>
              {item.status === "sold" ? <Badge variant="outline">{t("status.sold")}</Badge> : null}
              {item.status === "wanted" ? <Badge variant="outline">{t("status.wanted")}</Badge> : null}
              {item.set_name ? <span className="max-w-full break-words">{item.set_name}</span> : null}
              {item.number ? <span className="max-w-full break-words">#{item.number}</span> : null}
              {/* Phones: the collection gets its own line, so no separator can start a line. */}
              {vendor ? (
                <span className="max-w-full basis-full break-words sm:basis-auto">
                  <span aria-hidden className="hidden sm:inline">
                    ·{"\u00a0"}
                  </span>
                  {vendor.name}
                </span>
              ) : null}
            </div>
            <HeaderValue item={item} />
          </div>
          {canEdit ? (
            <div className="flex flex-wrap gap-2">
              <Button asChild variant="outline">
                <Link to={paths.collectibleEdit(item.id)}>
                  <Pencil aria-hidden /> {t("common:actions.edit")}
                </Link>
              </Button>
              <DuplicateCollectibleButton item={item} onDuplicated={(copy) => void navigate(paths.collectible(copy.id))} />
              <DeleteCollectibleButton item={item} onDeleted={() => void navigate(paths.collection, { replace: true })} />
            </div>
          ) : (
            <Badge variant="outline">{t("detail.viewOnly")}</Badge>
          )}
        </div>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("detail.facts")}</CardTitle>
          </CardHeader>
          <CardContent>
            <Facts
              items={[
                [t("detail.condition"), labelOf(CONDITIONS, item.condition, t)],
                [t("detail.completeness"), labelOf(COMPLETENESS, item.completeness, t)],
                [t("detail.grading"), item.grader ? `${labelOf(GRADERS, item.grader, t)} ${formatDecimal(item.grade)}`.trim() : ""],
                [t("detail.certificate"), item.cert_number ?? ""],
                [t("detail.location"), item.location ?? ""],
                [t("detail.quantity"), String(quantity)],
                [
                  t("detail.tags"),
                  item.tags && item.tags.length > 0 ? (
                    <span className="flex flex-wrap gap-1">
                      {item.tags.map((tag) => (
                        <Badge key={tag} variant="outline" className="max-w-full font-normal whitespace-normal">
                          <span className="min-w-0 break-words">{tag}</span>
                        </Badge>
                      ))}
                    </span>
                  ) : (
                    ""
                  ),
                ],
                [
                  t("detail.marketplaceIds"),
                  Object.keys(item.external_ids ?? {}).length > 0 ? (
                    <ul>
                      {Object.entries(item.external_ids ?? {}).map(([key, value]) => (
                        <li key={key}>
                          <span className="text-muted-foreground">{key}:</span> <code className="text-xs">{value}</code>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    ""
                  ),
                ],
              ]}
            />
          </CardContent>
        </Card>
        {item.status === "wanted" && renderWant ? (
          renderWant(canEdit)
        ) : (
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("detail.purchase")}</CardTitle>
            </CardHeader>
            <CardContent>
              <Facts
                items={[
                  [t("detail.pricePaid"), item.purchase_price ? formatMoney(item.purchase_price, item.purchase_currency) : t("detail.notRecorded")],
                  [t("detail.totalPaid"), total !== null ? formatMoney(total, item.purchase_currency) : ""],
                  [t("detail.fees"), item.purchase_fees ? formatMoney(item.purchase_fees, item.purchase_currency) : ""],
                  [t("detail.shipping"), item.purchase_shipping ? formatMoney(item.purchase_shipping, item.purchase_currency) : ""],
                  [t("detail.purchaseDate"), item.purchase_date ? formatDate(item.purchase_date) : ""],
                  [t("detail.added"), formatDateTime(item.created_at)],
                  [t("detail.lastChanged"), formatDateTime(item.updated_at)],
                ]}
              />
            </CardContent>
          </Card>
        )}
        {item.status === "sold" ? (
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("detail.sale")}</CardTitle>
            </CardHeader>
            <CardContent>
              <Facts
                items={[
                  [t("detail.soldFor"), formatMoney(item.sale_price, item.sale_currency || vendor?.default_currency)],
                  [t("detail.saleFees"), item.sale_fees ? formatMoney(item.sale_fees, item.sale_currency || vendor?.default_currency) : ""],
                  [t("detail.saleDate"), item.sale_date ? formatDate(item.sale_date) : ""],
                ]}
              />
            </CardContent>
          </Card>
        ) : null}
        {card ? (
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("detail.cardDetails")}</CardTitle>
            </CardHeader>
            <CardContent>
              <Facts
                items={[
                  [t("detail.game"), card.game ?? ""],
                  [t("detail.setCode"), card.set_code ?? ""],
                  [t("detail.language"), labelOf(LANGUAGES, card.language, t)],
                  [t("detail.marketRegion"), labelOf(MARKET_REGIONS, card.market_region, t)],
                  [t("detail.rarity"), card.rarity ?? ""],
                  [t("detail.finish"), labelOf(FINISHES, card.finish, t)],
                  [t("detail.releaseDate"), card.release_date ? formatDate(card.release_date) : ""],
                ]}
              />
            </CardContent>
          </Card>
        ) : null}
        {item.notes ? (
          <Card>
            <CardHeader>
              <CardTitle className="text-base">{t("detail.notes")}</CardTitle>
            </CardHeader>
            <CardContent>
              <p className="text-sm whitespace-pre-wrap">{item.notes}</p>
            </CardContent>
          </Card>
        ) : null}
      </div>

      {renderPhotos?.(canEdit)}
      {renderPrices(canEdit)}
    </div>
  );
}
