import { FileUp } from "lucide-react";
import { useId, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormAlert } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toApiError } from "@/lib/api/errors";
import type { Vendor } from "@/lib/api/types";
import { cn } from "@/lib/utils";

import { useUploadImport } from "../api/upload-import";
import type { ImportJob } from "@/lib/api/types";

const ACCEPT = ".csv,.tsv,.txt,.xlsx,.json,text/csv,text/tab-separated-values,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Step 1: pick or drop the file; the server reads it into a preview (nothing is written). */
export function ImportUpload({ vendors, defaultVendor, onUploaded }: { vendors: Vendor[]; defaultVendor: number | null; onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation("imports");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const editable = vendors.filter((v) => v.role !== "viewer");
  const [vendor, setVendor] = useState<string>(defaultVendor !== null && editable.some((v) => v.id === defaultVendor) ? String(defaultVendor) : String(editable[0]?.id ?? ""));
  const [dayFirst, setDayFirst] = useState(false);
  const [dragging, setDragging] = useState(false);
  const upload = useUploadImport();

  const send = (file: File | undefined) => {
    if (!file) return;
    upload.mutate({ file, vendor: vendor ? Number(vendor) : undefined, dayFirst }, { onSuccess: onUploaded });
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    send(event.dataTransfer.files[0]);
  };

  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("upload.title")}</CardTitle>
        <CardDescription>{t("upload.description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={cn(
            "flex flex-col items-center gap-3 rounded-lg border border-dashed px-6 py-10 text-center transition-colors",
            dragging && "border-primary bg-accent",
          )}
        >
          <FileUp aria-hidden className="size-8 text-muted-foreground" />
          <p className="text-sm text-muted-foreground">{t("upload.drop")}</p>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept={ACCEPT}
            className="sr-only"
            aria-label={t("upload.fileLabel")}
            onChange={(e) => {
              send(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <Button onClick={() => input.current?.click()} disabled={upload.isPending}>
            {upload.isPending ? t("upload.reading") : t("upload.choose")}
          </Button>
        </div>
        <div className="flex flex-wrap items-end gap-4">
          {editable.length > 1 ? (
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-vendor`}>{t("upload.into")}</Label>
              <NativeSelect id={`${id}-vendor`} value={vendor} onChange={(e) => setVendor(e.target.value)} wrapperClassName="w-60">
                {editable.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </NativeSelect>
            </div>
          ) : null}
          <div className="flex items-center gap-2">
            <Checkbox id={`${id}-day-first`} checked={dayFirst} onCheckedChange={(v) => setDayFirst(v === true)} />
            <Label htmlFor={`${id}-day-first`} className="font-normal">
              {t("dayFirst")}
            </Label>
          </div>
        </div>
        {upload.isError ? <FormAlert message={toApiError(upload.error).message} /> : null}
      </CardContent>
    </Card>
  );
}
