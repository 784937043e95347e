/** Mirrors the backend: whitespace collapsed, trimmed, lower-cased. */
export function normalizeTag(tag: string): string {
  return tag.replace(/\s+/g, " ").trim().toLowerCase();
}
