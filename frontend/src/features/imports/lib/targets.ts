import type { ImportJob } from "@/lib/api/types";
import { CONDITIONS } from "@/lib/choices";

export type ImportTarget = ImportJob["targets"][number];

/** The fields a column can fill, as the job offers them (its `targets`, group by group). */
export function targetGroups(targets: ImportTarget[]): { label: string; targets: ImportTarget[] }[] {
  const groups = new Map<string, ImportTarget[]>();
  for (const target of targets) {
    const members = groups.get(target.group);
    if (members) members.push(target);
    else groups.set(target.group, [target]);
  }
  return [...groups].map(([label, members]) => ({ label, targets: members }));
}

/** A field's label, as the job names it (the field's own name if the job does not). */
export function targetLabel(targets: ImportTarget[], name: string): string {
  return targets.find((t) => t.name === name)?.label ?? name;
}

/** What a "condition" value map may send a cell's text to. */
export const CONDITION_VALUES = CONDITIONS;

/** The file kinds the server recognises; each names itself as `t(\`profiles.${profile}\`)` ("imports"). */
export const PROFILES = ["discogs", "pricecharting", "generic"] as const;

export type ImportProfile = (typeof PROFILES)[number];

export function knownProfile(profile: string | null | undefined): ImportProfile | null {
  return PROFILES.find((p) => p === profile) ?? null;
}

/** A preview cell as text: lists joined, objects (card details) left to their own columns. */
export function cellText(value: unknown): string {
  if (Array.isArray(value)) return value.map(cellText).filter(Boolean).join(", ");
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}
