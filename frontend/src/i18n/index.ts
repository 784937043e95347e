/**
 * i18next for every string the SPA shows. The texts every screen may need (the shell,
 * sign-in, the words of `common` and `ui`) are bundled in English, the fallback; German's
 * are a chunk fetched before the first render, only for German users. Every other
 * namespace (listed in `features.ts` of each language: the dashboard's, the collection's…)
 * is a chunk of its own per language, fetched with the routes that show it (`loadTexts`,
 * awaited by the router with the route's module: app/route-texts.ts), so a screen's first
 * load carries its own texts and no other screen's.
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

/** The namespaces a route fetches before it renders (router.tsx `withTexts`). */
export type FeatureNamespace = keyof typeof enFeatures;
type CatalogueModule = Promise<{ default: object }>;

// One chunk per namespace and language (dynamic imports Rolldown can see): the collection
// list fetches `collectibles` and `prices`, not the import wizard's or the alerts' texts.
const FEATURE_CATALOGUES: Record<FeatureNamespace, Record<Language, () => CatalogueModule>> = {
  dashboard: { en: () => import("./en/dashboard"), de: () => import("./de/dashboard") },
  collectibles: { en: () => import("./en/collectibles"), de: () => import("./de/collectibles") },
  prices: { en: () => import("./en/prices"), de: () => import("./de/prices") },
  imports: { en: () => import("./en/imports"), de: () => import("./de/imports") },
  alerts: { en: () => import("./en/alerts"), de: () => import("./de/alerts") },
  marketplaceKeys: { en: () => import("./en/marketplaceKeys"), de: () => import("./de/marketplaceKeys") },
  photos: { en: () => import("./en/photos"), de: () => import("./de/photos") },
};
export const FEATURE_NAMESPACES = Object.keys(FEATURE_CATALOGUES) as FeatureNamespace[];

const loading = new Map<`${Language}:${FeatureNamespace}`, Promise<void>>();
/** Every namespace a screen has asked for: a language switch fetches them in the new language. */
const wanted = new Set<FeatureNamespace>();

function loadNamespace(language: Language, namespace: FeatureNamespace): Promise<void> {
  const key = `${language}:${namespace}` as const;
  let pending = loading.get(key);
  if (!pending) {
    pending = FEATURE_CATALOGUES[namespace][language]().then((module) => {
      i18n.addResourceBundle(language, namespace, module.default, true, true);
    });
    // A failed fetch (offline, a deploy in between) is tried again on the next navigation.
    pending.catch(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

/** These namespaces in English (the fallback) and the current language. */
export async function loadTexts(namespaces: readonly FeatureNamespace[]): Promise<void> {
  for (const namespace of namespaces) wanted.add(namespace);
  const language = i18n.language as Language;
  const languages: Language[] = language === "en" ? ["en"] : ["en", language];
  await Promise.all(namespaces.flatMap((namespace) => languages.map((lang) => loadNamespace(lang, namespace))));
}

/** Every namespace beyond the first screens' (tests render components without their route). */
export function loadFeatureTexts(): Promise<void> {
  return loadTexts(FEATURE_NAMESPACES);
}

/** Switches the app's language: loads its catalogue, sets `<html lang>`, remembers it. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  await loadCatalogue(language);
  // Screens already open need their texts in the new language too.
  await Promise.all([...wanted].map((namespace) => loadNamespace(language, namespace)));
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
