/**
 * The languages the app speaks, how the user's choice is remembered, and the locale used
 * to format numbers and dates. Kept free of i18next so the money helpers can use it.
 */
export const LANGUAGES = [
  { code: "en", label: "English" },
  { code: "de", label: "Deutsch" },
] as const;

export type Language = (typeof LANGUAGES)[number]["code"];

const STORAGE_KEY = "omni.language";

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language.code === value);
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === "undefined") return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/** The saved choice, else the first browser language we speak, else English. */
export function preferredLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage disabled (private mode): fall through to the browser's languages
  }
  for (const tag of browserLanguages()) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

export function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not remembered across visits; the choice still applies to this one
  }
}

let activeLanguage: Language = "en";

/** The language the app shows now: the API is asked to answer in it too. */
export function activeLanguageOf(): Language {
  return activeLanguage;
}

export function setActiveLanguage(language: Language): void {
  activeLanguage = language;
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

/**
 * The BCP 47 locale for Intl formatting: the browser's own regional variant when it is of
 * the chosen language (de-AT, en-GB keep their conventions), else the language itself.
 */
export function formatLocale(): string {
  const match = browserLanguages().find(
    (tag) => tag.toLowerCase().split("-")[0] === activeLanguage,
  );
  return match ?? (activeLanguage === "en" ? "en-US" : activeLanguage);
}
