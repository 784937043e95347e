import { Plus, X } from "lucide-react";
import { useId, useState } from "react";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

import type { ImportJob } from "@/lib/api/types";
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
  const id = useId();
  const groups = targetGroups(job.targets);
  return (
    <Table>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Column in the file</TableHead>
          <TableHead>Imported as</TableHead>
          <TableHead>First values</TableHead>
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
                  <option value="">Don&apos;t import</option>
                  {groups.map((group) => (
                    <optgroup key={group.label} label={group.label}>
                      {group.targets.map((t) => (
                        <option key={t.name} value={t.name}>
                          {t.label}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </NativeSelect>
                {suggested && suggested !== current ? (
                  <p id={`${id}-${String(index)}-hint`} className="mt-1 text-xs text-muted-foreground">
                    Suggested: {targetLabel(job.targets, suggested)}
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
        <ul aria-label="Condition values" className="grid gap-1 text-sm">
          {entries.map(([from, to]) => (
            <li key={from} className="flex items-center gap-2">
              <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{from}</code>
              <span aria-hidden>→</span>
              <span>{CONDITION_VALUES.find((c) => c.value === to)?.label ?? to}</span>
              <Button
                variant="ghost"
                size="icon-sm"
                aria-label={`Remove the value map for ${from}`}
                disabled={disabled}
                onClick={() => onChange(Object.fromEntries(entries.filter(([k]) => k !== from)))}
              >
                <X aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">Common words (NM, Near Mint, VG+, Loose…) are understood already.</p>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1.5">
          <Label htmlFor={`${id}-text`}>In the file</Label>
          <Input
            id={`${id}-text`}
            value={text}
            maxLength={100}
            placeholder="NM"
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
          <Label htmlFor={`${id}-condition`}>Means</Label>
          <NativeSelect id={`${id}-condition`} value={condition} onChange={(e) => setCondition(e.target.value)} className="h-8 text-sm" wrapperClassName="w-40">
            {CONDITION_VALUES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </NativeSelect>
        </div>
        <Button variant="outline" size="sm" onClick={add} disabled={disabled || !text.trim()}>
          <Plus aria-hidden /> Add value
        </Button>
      </div>
    </div>
  );
}
