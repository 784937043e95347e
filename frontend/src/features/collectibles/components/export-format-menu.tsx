import { useTranslation } from "react-i18next";

import type { OverlayProps } from "@/components/lazy-overlay";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

import type { ExportFormat } from "../api/export-collectibles";

/** The file formats; each one's label is `t("export.<format>")`. */
const FORMATS: ExportFormat[] = ["csv", "xlsx", "json"];

/** The export button's menu of formats, loaded on first use (export-menu.tsx). */
export function ExportFormatMenu({
  trigger,
  defaultOpen,
  filtered,
  onExport,
}: OverlayProps & { filtered: boolean; onExport: (format: ExportFormat) => void }) {
  const { t } = useTranslation("collectibles");
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">
          {filtered ? t("export.filtered") : t("export.everything")}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {FORMATS.map((format) => (
          <DropdownMenuItem key={format} onSelect={() => onExport(format)}>
            {t(`export.${format}`)}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
