import { ChevronDown, Download } from "lucide-react";

import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";

import { useExportCollectibles, type ExportFilters, type ExportFormat } from "../api/export-collectibles";

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: "csv", label: "CSV (spreadsheets)" },
  { format: "xlsx", label: "Excel (XLSX)" },
  { format: "json", label: "JSON" },
];

/** Downloads what the list shows (every page, with its filters and sort) as a file. */
export function ExportMenu({ filters, filtered }: { filters: ExportFilters; filtered: boolean }) {
  const exporter = useExportCollectibles();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" disabled={exporter.isPending}>
          <Download aria-hidden /> {exporter.isPending ? "Exporting…" : "Export"}
          <ChevronDown aria-hidden className="opacity-60" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">
          {filtered ? "The items matching your filters" : "Every item in this list"}
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {FORMATS.map(({ format, label }) => (
          <DropdownMenuItem
            key={format}
            onSelect={() =>
              exporter.mutate(
                { format, filters },
                { onError: (error) => toast.error(`Export failed: ${toApiError(error).message}`) },
              )
            }
          >
            {label}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
