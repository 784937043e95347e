/**
 * i18next for every string the SPA shows. The texts of the first screens (shell, sign-in,
 * dashboard) are bundled in English, the fallback; German's are a chunk fetched before
 * the first render, only for German users. The other screens' texts (`features.ts` of
 * each language) are a chunk fetched when a route that needs them opens
 * (`loadFeatureTexts`, awaited by the router), so the dashboard's first load carries none.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";

import en from "./en";
import type enFeatures from "./en/features";
import {
  preferredLanguage,
  rememberLanguage,
  setActiveLanguage,
  type Language,
} from "./languages";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof en & typeof enFeatures;
  }
}

void i18n.use(initReactI18next).init({
  resources: { en },
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en", "de"],
  ns: Object.keys(en),
  defaultNS: "common",
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
setActiveLanguage("en");

function addCatalogue(language: Language, catalogue: Record<string, object>): void {
  for (const [namespace, messages] of Object.entries(catalogue)) {
    i18n.addResourceBundle(language, namespace, messages, true, true);
  }
}

async function loadCatalogue(language: Language): Promise<void> {
  if (language === "en" || i18n.hasResourceBundle(language, "common")) return;
  addCatalogue(language, (await import("./de")).default);
}

const FEATURE_CATALOGUES: Record<Language, () => Promise<{ default: Record<string, object> }>> = {
  en: () => import("./en/features"),
  de: () => import("./de/features"),
};
const featureTexts = new Map<Language, Promise<void>>();

function loadFeatureCatalogue(language: Language): Promise<void> {
  let loading = featureTexts.get(language);
  if (!loading) {
    loading = FEATURE_CATALOGUES[language]().then((module) => addCatalogue(language, module.default));
    // A failed fetch (offline, a deploy in between) is tried again on the next navigation.
    loading.catch(() => featureTexts.delete(language));
    featureTexts.set(language, loading);
  }
  return loading;
}

/** The other screens' texts in English (the fallback) and the current language. */
export async function loadFeatureTexts(): Promise<void> {
  const language = i18n.language as Language;
  await Promise.all([loadFeatureCatalogue("en"), language === "en" ? null : loadFeatureCatalogue(language)]);
}

/** Switches the app's language: loads its catalogue, sets `<html lang>`, remembers it. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  await loadCatalogue(language);
  // Screens already open need their texts in the new language too.
  if (featureTexts.size > 0) await loadFeatureCatalogue(language);
  await i18n.changeLanguage(language);
  setActiveLanguage(language);
  if (remember) rememberLanguage(language);
}

/** Before the first render: the saved or browser language, without persisting a guess. */
export function startI18n(): Promise<void> {
  return changeLanguage(preferredLanguage(), false).catch(() => {
    // The German chunk failed to load (offline, a deploy in between): English it is.
  });
}

export { i18n };
export { formatLocale, LANGUAGES, type Language } from "./languages";
