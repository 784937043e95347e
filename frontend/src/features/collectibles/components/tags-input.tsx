import { X } from "lucide-react";
import { useState, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { cn } from "@/lib/utils";

import { MAX_TAG_LENGTH, MAX_TAGS } from "../lib/form-schema";
import { normalizeTag } from "../lib/tags";

interface TagsInputProps {
  id?: string;
  value: string[];
  onChange: (tags: string[]) => void;
  onBlur?: () => void;
  max?: number;
  "aria-invalid"?: boolean | undefined;
  "aria-describedby"?: string | undefined;
}

/** Tags: Enter or comma adds, Backspace on an empty input or × removes; at most `max`. */
export function TagsInput({ id, value, onChange, onBlur, max = MAX_TAGS, ...aria }: TagsInputProps) {
  const { t } = useTranslation("collectibles");
  const [draft, setDraft] = useState("");
  const [hint, setHint] = useState("");
  const full = value.length >= max;

  const add = (raw: string) => {
    const next = [...value];
    for (const piece of raw.split(",")) {
      const tag = normalizeTag(piece);
      if (!tag) continue;
      if (tag.length > MAX_TAG_LENGTH) {
        setHint(t("tags.tooLong", { max: MAX_TAG_LENGTH }));
        return;
      }
      if (next.includes(tag)) continue;
      if (next.length >= max) {
        setHint(t("tags.tooMany", { max }));
        break;
      }
      next.push(tag);
    }
    if (next.length !== value.length) onChange(next);
    setDraft("");
  };

  const remove = (tag: string) => {
    onChange(value.filter((other) => other !== tag));
    setHint("");
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add(draft);
    } else if (event.key === "Backspace" && draft === "" && value.length > 0) {
      event.preventDefault();
      remove(value[value.length - 1] ?? "");
    }
  };

  return (
    <div>
      <div
        className={cn(
          "flex min-h-9 w-full flex-wrap items-center gap-1.5 rounded-md border border-input bg-background px-2 py-1.5 shadow-xs focus-within:border-ring focus-within:ring-[3px] focus-within:ring-ring/40 dark:bg-input/20",
          aria["aria-invalid"] && "border-destructive",
        )}
      >
        <ul className="contents" aria-label={t("tags.label")}>
          {value.map((tag) => (
            <li key={tag} className="flex items-center gap-1 rounded bg-secondary py-0.5 pr-1 pl-2 text-xs font-medium text-secondary-foreground">
              {tag}
              <button
                type="button"
                onClick={() => remove(tag)}
                className="rounded-sm p-0.5 opacity-70 hover:opacity-100 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
              >
                <X aria-hidden className="size-3" />
                <span className="sr-only">{t("tags.remove", { tag })}</span>
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          value={draft}
          disabled={full}
          onChange={(event) => {
            setHint("");
            const text = event.target.value;
            if (text.includes(",")) add(text);
            else setDraft(text);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (draft.trim()) add(draft);
            onBlur?.();
          }}
          placeholder={full ? t("tags.full", { max }) : value.length ? t("tags.addAnother") : t("tags.placeholder")}
          className="min-w-24 flex-1 bg-transparent py-0.5 text-sm outline-none placeholder:text-muted-foreground disabled:cursor-not-allowed"
          {...aria}
        />
      </div>
      <p className="mt-1 text-xs text-muted-foreground" aria-live="polite">
        {hint || t("tags.hint", { n: value.length, max })}
      </p>
    </div>
  );
}
