import type { Dashboard } from "@/lib/api/types";
import { formatMoney } from "@/lib/utils";

/** Under the headline when it is shown in the collector's display currency: at what rate,
 * and what the collection's own currency says. */
export function DisplayCurrencyNote({ data }: { data: Dashboard }) {
  const display = data.display;
  if (!display) return null;
  const rate = Number(display.rate).toLocaleString(undefined, { maximumFractionDigits: 4 });
  return (
    <p className="text-xs text-muted-foreground" data-testid="display-currency-note">
      {`Shown in ${display.currency}, your display currency, at today's rate (1 ${data.currency} = ${rate} ${display.currency}). `}
      {`The collection is kept in ${data.currency}: ${formatMoney(data.total_value, data.currency)} value, ${formatMoney(data.cost_basis, data.currency)} cost.`}
    </p>
  );
}
