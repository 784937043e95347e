import type { Messages } from "../types";
import type en from "../en/search";

export default {
  launcher: {
    button: "Suche",
    placeholder: "Suchen…",
    shortcut: "Strg K",
    shortcutMac: "⌘K",
  },
  palette: {
    title: "Suche",
    description: "Durchsuchen Sie Ihre Objekte; mit den Pfeiltasten wählen, mit Enter öffnen.",
    input: "Ihre Objekte durchsuchen",
    placeholder: "Sammlung durchsuchen…",
    searching: "Suche läuft",
    hint: "Tippen Sie, um Namen, Sets, Nummern, Schlagwörter und Notizen zu durchsuchen.",
    noMatch: "Keine Objekte passen zu „{{q}}“.",
    didYouMean: "Meinten Sie <suggestion>{{suggestion}}</suggestion>? Die Ergebnisse dafür werden angezeigt.",
    results: "Suchergebnisse",
    seeAll_one: "{{count}} Ergebnis anzeigen",
    seeAll_other: "Alle {{count}} Ergebnisse anzeigen",
    keys: {
      move: "<kbd>↑</kbd> <kbd>↓</kbd> zum Wählen",
      open: "<kbd>Enter</kbd> zum Öffnen",
      close: "<kbd>Esc</kbd> zum Schließen",
    },
  },
  page: {
    documentTitle: "Suche · Omni-Stock",
    documentTitleQuery: "{{q}} · Suche · Omni-Stock",
    heading: "Suche",
    input: "Suchtext",
    placeholder: "Sammlung durchsuchen…",
    submit: "Suchen",
    searching: "Suche läuft",
    emptyTitle: "Durchsuchen Sie Ihre Sammlung",
    emptyDescription: "Namen, Sets, Nummern, Schlagwörter, Kartenspiele und Notizen. Anführungszeichen suchen eine Wortgruppe, „or“ eines von zwei Wörtern, -wort schließt ein Wort aus.",
    failed: "Suche fehlgeschlagen",
    noMatchTitle: "Keine Objekte passen zu „{{q}}“",
    noMatchDescription: "Prüfen Sie die Schreibweise oder versuchen Sie es mit weniger oder kürzeren Wörtern.",
    results: "Ergebnisse",
    showingInstead: "Keine Objekte passen zu „{{q}}“. Ergebnisse für <suggestion>{{suggestion}}</suggestion> werden angezeigt.",
    matches_one: "{{count}} Objekt passt zu „{{q}}“",
    matches_other: "{{count}} Objekte passen zu „{{q}}“",
  },
  result: {
    number: "Nr. <number/>",
    fields: {
      tags: "Schlagwörter",
      game: "Spiel",
      setCode: "Set-Code",
      notes: "Notizen",
    },
  },
} satisfies Messages<typeof en>;
