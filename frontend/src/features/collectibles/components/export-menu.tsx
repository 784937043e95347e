import { ChevronDown, Download } from "lucide-react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";

import { useExportCollectibles, type ExportFilters, type ExportFormat } from "../api/export-collectibles";

/** The file formats; each one's label is `t("export.<format>")`. */
const FORMATS: ExportFormat[] = ["csv", "xlsx", "json"];

/** Downloads what the list shows (every page, with its filters and sort) as a file. */
export function ExportMenu({ filters, filtered }: { filters: ExportFilters; filtered: boolean }) {
  const { t } = useTranslation("collectibles");
  const exporter = useExportCollectibles();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" disabled={exporter.isPending}>
          <Download aria-hidden /> {exporter.isPending ? t("export.exporting") : t("export.button")}
          <ChevronDown aria-hidden className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">
          {filtered ? t("export.filtered") : t("export.everything")}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {FORMATS.map((format) => (
          <DropdownMenuItem
            key={format}
            onSelect={() =>
              exporter.mutate(
                { format, filters },
                { onError: (error) => toast.error(t("export.failed", { message: toApiError(error).message })) },
              )
            }
          >
            {t(`export.${format}`)}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
