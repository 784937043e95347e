/**
 * i18next for every string the SPA shows. English is bundled (it is also the fallback);
 * German is a chunk of its own, fetched before the first render only for German users,
 * so it costs English users nothing.
 */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";

import en from "./en";
import {
  preferredLanguage,
  rememberLanguage,
  setActiveLanguage,
  type Language,
} from "./languages";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof en;
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

async function loadCatalogue(language: Language): Promise<void> {
  if (language === "en" || i18n.hasResourceBundle(language, "common")) return;
  const catalogue = (await import("./de")).default;
  for (const [namespace, messages] of Object.entries(catalogue)) {
    i18n.addResourceBundle(language, namespace, messages, true, true);
  }
}

/** Switches the app's language: loads its catalogue, sets `<html lang>`, remembers it. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  await loadCatalogue(language);
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
