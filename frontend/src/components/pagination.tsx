import { ChevronLeft, ChevronRight } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { PAGE_SIZES } from "@/lib/pagination";

interface Props {
  page: number;
  pageSize: number;
  count: number;
  onPageChange: (page: number) => void;
  onPageSizeChange: (size: number) => void;
}

export function Pagination({ page, pageSize, count, onPageChange, onPageSizeChange }: Props) {
  const { t } = useTranslation("ui");
  const id = useId();
  const pages = Math.max(1, Math.ceil(count / pageSize));
  const first = count === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(count, page * pageSize);
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-col-reverse items-center justify-between gap-3 sm:flex-row">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {count === 0 ? t("pagination.noItems") : t("pagination.range", { first: String(first), last: String(last), total: String(count) })}
      </p>
      <div className="flex items-center gap-2">
        <Label htmlFor={id} className="whitespace-nowrap text-muted-foreground">
          {t("pagination.perPage")}
        </Label>
        <NativeSelect
          id={id}
          value={pageSize}
          onChange={(event) => onPageSizeChange(Number(event.target.value))}
          className="h-8"
          wrapperClassName="w-20"
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </NativeSelect>
        <Button variant="outline" size="icon-sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)} aria-label={t("pagination.previous")}>
          <ChevronLeft />
        </Button>
        <span className="min-w-16 text-center text-sm tabular-nums">
          {t("pagination.page", { page: String(page), pages: String(pages) })}
        </span>
        <Button variant="outline" size="icon-sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)} aria-label={t("pagination.next")}>
          <ChevronRight />
        </Button>
      </div>
    </nav>
  );
}
