import { Plus, X } from "lucide-react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

import type { ImportJob } from "@/lib/api/types";
import { translatedChoices } from "@/lib/choices";

import { CONDITION_VALUES, cellText, targetGroups, targetLabel } from "../lib/targets";

/** The first non-empty cells of a column, to recognise it by. */
function samplesOf(job: ImportJob, column: string): string {
  const target = job.mapping[column];
  if (!target) return "";
  const values = job.preview
    .map((row) => {
      const [head, tail] = target.split(".", 2) as [string, string | undefined];
      const value = tail ? (row.item[head] as Record<string, unknown> | null | undefined)?.[tail] : row.item[head];
      return cellText(value);
    })
    .filter(Boolean);
  return [...new Set(values)].slice(0, 3).join(" · ");
}

interface MappingProps {
  job: ImportJob;
  disabled: boolean;
  onChange: (mapping: Record<string, string | null>) => void;
}

/** Each detected column and the field it fills, as suggested; the collector can change it. */
export function MappingTable({ job, disabled, onChange }: MappingProps) {
  const { t } = useTranslation("imports");
  const id = useId();
  const groups = targetGroups(job.targets);
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>{t("mapping.column")}</TableHead>
          <TableHead>{t("mapping.importedAs")}</TableHead>
          <TableHead>{t("mapping.firstValues")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {job.columns.map((column, index) => {
          const current = job.mapping[column] ?? "";
          const suggested = job.suggested_mapping[column] ?? "";
          return (
            <TableRow key={column}>
              <TableCell className="font-medium">
                <label htmlFor={`${id}-${String(index)}`}>{column}</label>
              </TableCell>
              <TableCell className="min-w-56">
                <NativeSelect
                  id={`${id}-${String(index)}`}
                  value={current}
                  disabled={disabled}
                  aria-describedby={suggested && suggested !== current ? `${id}-${String(index)}-hint` : undefined}
                  onChange={(e) => onChange({ [column]: e.target.value || null })}
                  className="h-8 text-sm"
                >
                  <option value="">{t("mapping.dontImport")}</option>
                  {groups.map((group) => (
                    <optgroup key={group.label} label={group.label}>
                      {group.targets.map((target) => (
                        <option key={target.name} value={target.name}>
                          {target.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </NativeSelect>
                {suggested && suggested !== current ? (
                  <p id={`${id}-${String(index)}-hint`} className="mt-1 text-xs text-muted-foreground">
                    {t("mapping.suggested", { field: targetLabel(job.targets, suggested) })}
                  </p>
                ) : null}
              </TableCell>
              <TableCell className="max-w-64 truncate text-xs text-muted-foreground">{samplesOf(job, column)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

interface ValueMapProps {
  value: Record<string, string>;
  disabled: boolean;
  onChange: (next: Record<string, string>) => void;
}

/** "NM" → near mint: how the file's words for conditions read as Omni-Stock's. */
export function ConditionValueMap({ value, disabled, onChange }: ValueMapProps) {
  const { t } = useTranslation("imports");
  const conditions = translatedChoices(CONDITION_VALUES, t);
  const id = useId();
  const [text, setText] = useState("");
  const [condition, setCondition] = useState<string>("near_mint");
  const entries = Object.entries(value);
  const add = () => {
    const key = text.trim();
    if (!key) return;
    onChange({ ...value, [key]: condition });
    setText("");
  };
  return (
    <div className="grid gap-3">
      {entries.length > 0 ? (
        <ul aria-label={t("valueMap.listLabel")} className="grid gap-1 text-sm">
          {entries.map(([from, to]) => (
            <li key={from} className="flex items-center gap-2">
              <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{from}</code>
              <span aria-hidden>→</span>
              <span>{conditions.find((c) => c.value === to)?.label ?? to}</span>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={t("valueMap.remove", { value: from })}
                disabled={disabled}
                onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== from)))}
              >
                <X aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">{t("valueMap.commonWords")}</p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-text`}>{t("valueMap.inFile")}</Label>
          <Input
            id={`${id}-text`}
            value={text}
            maxLength={100}
            placeholder={t("valueMap.placeholder")}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
            className="h-8 w-40"
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-condition`}>{t("valueMap.means")}</Label>
          <NativeSelect id={`${id}-condition`} value={condition} onChange={(e) => setCondition(e.target.value)} className="h-8 text-sm" wrapperClassName="w-40">
            {conditions.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button variant="outline" size="sm" onClick={add} disabled={disabled || !text.trim()}>
          <Plus aria-hidden /> {t("valueMap.add")}
        </Button>
      </div>
    </div>
  );
}
