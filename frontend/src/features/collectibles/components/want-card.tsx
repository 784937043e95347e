import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { paths } from "@/config/paths";
import type { Collectible } from "@/lib/api/types";
import { conditionLabel } from "@/lib/choices";
import { formatMoney } from "@/lib/utils";

import { priorityLabel } from "../lib/list-options";
import { AcquireDialog } from "./acquire-dialog";

/** A wanted item's page part: what you would pay, how much you want it, and "I bought it". */
export function WantCard({ item, canEdit }: { item: Collectible; canEdit: boolean }) {
  const { t } = useTranslation("collectibles");
  const navigate = useNavigate();
  return (
    <Card>
      <CardHeader className="flex flex-row items-start justify-between gap-2">
        <CardTitle className="text-base">{t("want.card")}</CardTitle>
        {canEdit ? <AcquireDialog item={item} onAcquired={(owned) => void navigate(paths.collectible(owned.id), { replace: true })} /> : null}
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-6 gap-y-2 text-sm">
          <dt className="text-muted-foreground">{t("want.maxPrice")}</dt>
          <dd>{item.max_price ? formatMoney(item.max_price, item.max_price_currency) : t("want.noneSet")}</dd>
          <dt className="text-muted-foreground">{t("want.condition")}</dt>
          <dd>{t("want.atLeast", { condition: conditionLabel(item.condition, t) })}</dd>
          <dt className="text-muted-foreground">{t("want.priority")}</dt>
          <dd>{priorityLabel(item.priority, t)}</dd>
        </dl>
      </CardContent>
    </Card>
  );
}
