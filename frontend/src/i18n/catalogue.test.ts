import { afterEach, describe, expect, it, vi } from "vitest";

import deFirst from "./de";
import deFeatures from "./de/features";
import enFirst from "./en";
import enFeatures from "./en/features";
import { changeLanguage, i18n } from "./index";
import { formatLocale, preferredLanguage } from "./languages";

type Tree = { [key: string]: string | Tree };

/** Every leaf as "namespace.path.to.key" → its text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

const en = { ...enFirst, ...enFeatures };
const de = { ...deFirst, ...deFeatures };

describe("the German catalogue", () => {
  const english = leaves(en);
  const german = leaves(de);

  it("has every English key and no other", () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("names no <Trans> tag after an HTML void element (the parser would empty it: <link>)", () => {
    const voids = /<\/?(area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)>/;
    for (const [key, text] of [...english, ...german]) expect(text, key).not.toMatch(voids);
  });

  it("uses the same placeholders as the English text, and none is left empty", () => {
    for (const [key, text] of english) {
      const translated = german.get(key) ?? "";
      expect(translated.trim(), key).not.toBe("");
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});

describe("choosing the language", () => {
  afterEach(async () => {
    await changeLanguage("en", false);
    vi.restoreAllMocks();
  });

  it("follows the browser when nothing was chosen, and a saved choice over it", () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["de-AT", "en"]);
    expect(preferredLanguage()).toBe("de");
    window.localStorage.setItem("omni.language", "en");
    expect(preferredLanguage()).toBe("en");
  });

  it("falls back to English for a browser language the app does not speak", () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["fr-FR"]);
    expect(preferredLanguage()).toBe("en");
  });

  it("switches the texts, <html lang> and the formatting locale together", async () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["de-AT", "en-GB"]);
    await changeLanguage("de");
    expect(document.documentElement.lang).toBe("de");
    expect(i18n.t("language.label")).toBe("Sprache");
    expect(formatLocale()).toBe("de-AT");
    expect(window.localStorage.getItem("omni.language")).toBe("de");
    await changeLanguage("en");
    expect(i18n.t("language.label")).toBe("Language");
    expect(formatLocale()).toBe("en-GB");
  });
});
