import { useTranslation } from "react-i18next";

import { formatLocale } from "@/i18n/languages";
import type { Dashboard } from "@/lib/api/types";
import { formatMoney } from "@/lib/utils";

/** Under the headline when it is shown in the collector's display currency: at what rate,
 * and what the collection's own currency says. */
export function DisplayCurrencyNote({ data }: { data: Dashboard }) {
  const { t } = useTranslation("dashboard");
  const display = data.display;
  if (!display) return null;
  const rate = Number(display.rate).toLocaleString(formatLocale(), { maximumFractionDigits: 4 });
  return (
    <p className="text-xs text-muted-foreground" data-testid="display-currency-note">
      {t("displayCurrency.shown", { display: display.currency, currency: data.currency, rate })}
      {t("displayCurrency.kept", { currency: data.currency, value: formatMoney(data.total_value, data.currency), cost: formatMoney(data.cost_basis, data.currency) })}
    </p>
  );
}
