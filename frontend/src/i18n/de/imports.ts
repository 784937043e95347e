import type { Messages } from "../types";
import type en from "../en/imports";

export default {
  page: {
    pageTitle: "Import · Omni-Stock",
    heading: "Import",
    intro: "Übernehmen Sie eine Tabelle oder den Export einer anderen App in Ihre Sammlung.",
    loading: "Import wird geladen",
    loadError: "Dieser Import konnte nicht geladen werden",
  },
  dayFirst: "Datumsangaben beginnen mit dem Tag (05/03/2024 ist der 5. März)",
  upload: {
    title: "Datei auswählen",
    description:
      "CSV, TSV, Excel (XLSX) oder JSON — Ihre eigene Tabelle oder der Export einer anderen App (Discogs, PriceCharting). Sie prüfen die Spalten, bevor etwas hinzugefügt wird.",
    drop: "Datei hier ablegen, oder",
    fileLabel: "Zu importierende Datei",
    reading: "Datei wird gelesen…",
    choose: "Datei auswählen",
    into: "Importieren in",
  },
  mapping: {
    column: "Spalte in der Datei",
    importedAs: "Importiert als",
    firstValues: "Erste Werte",
    dontImport: "Nicht importieren",
    suggested: "Vorschlag: {{field}}",
  },
  valueMap: {
    listLabel: "Zustandswerte",
    remove: "Zuordnung für {{value}} entfernen",
    commonWords: "Übliche Begriffe (NM, Near Mint, VG+, Loose…) werden bereits verstanden.",
    inFile: "In der Datei",
    placeholder: "NM",
    means: "Bedeutet",
    add: "Wert hinzufügen",
  },
  profiles: {
    discogs:
      "Als Discogs-Sammlungsexport erkannt. Prüfen Sie, als was jede Spalte importiert wird; die Vorschau unten folgt Ihren Änderungen.",
    pricecharting:
      "Als PriceCharting-Sammlungsexport erkannt. Prüfen Sie, als was jede Spalte importiert wird; die Vorschau unten folgt Ihren Änderungen.",
    generic:
      "Als allgemeine Sammlungstabelle erkannt. Prüfen Sie, als was jede Spalte importiert wird; die Vorschau unten folgt Ihren Änderungen.",
  },
  review: {
    columnsOf: "Spalten von {{file}}",
    description: "Prüfen Sie, als was jede Spalte importiert wird; die Vorschau unten folgt Ihren Änderungen.",
    conditionValues: "Zustandswerte",
    conditionValuesHint: "Wie die Begriffe der Datei als Zustände gelesen werden.",
    options: "Optionen",
    optionsHint:
      "Wenn eine Zeile zu einem vorhandenen Objekt passt (nach Marktplatz-ID, sonst nach Name, Set, Nummer, Zustand und Grading):",
    duplicateLegend: "Wenn eine Zeile zu einem vorhandenen Objekt passt",
    onDuplicate: {
      skip: "Überspringen",
      update: "Aktualisieren",
      add: "Zusätzlich anlegen",
    },
    onDuplicateHint: {
      skip: "— Das vorhandene Objekt bleibt.",
      update: "— Seine Angaben werden aus der Datei überschrieben.",
      add: "— Trotzdem als neues Objekt importieren.",
    },
    category: "Kategorie für Zeilen ohne Kategorie",
    noCategory: "Keine: Solche Zeilen werden übersprungen",
    preview: "Vorschau",
    previewSummary:
      "{{rows}} Zeilen: {{create}} neu, {{update}} zu aktualisieren, {{skip}} zu überspringen, {{error}} mit Fehlern (übersprungen). Die ersten Zeilen, wie sie gespeichert würden:",
    rowsWithErrors: "Zeilen mit Fehlern",
    chooseAnother: "Andere Datei auswählen",
    starting: "Wird gestartet…",
    importRows_one: "{{count}} Zeile importieren",
    importRows_other: "{{count}} Zeilen importieren",
  },
  preview: {
    row: "Zeile",
    willBe: "Wird",
    name: "Name",
    set: "Set",
    condition: "Zustand",
    quantity: "Anz.",
    paid: "Kaufpreis",
    purchased: "Gekauft",
    problems: "Probleme",
    actions: {
      create: "Neu",
      update: "Aktualisieren",
      skip: "Überspringen",
      error: "Fehler",
    },
  },
  rowErrors: {
    row: "Zeile {{row}}",
    column: "· {{column}}",
  },
  progress: {
    title: "{{file}} wird importiert…",
    waiting: "Wartet auf einen Worker.",
    done: "{{processed}} von {{total}} Zeilen erledigt.",
    leave: "Sie können diese Seite verlassen: Der Import läuft weiter.",
    label: "Importfortschritt",
    valueText: "{{processed}} von {{total}} Zeilen",
  },
  result: {
    undone: "Import rückgängig gemacht",
    failed: "Der Import ist fehlgeschlagen",
    partial: "Importiert, einige Zeilen übersprungen",
    complete: "Import abgeschlossen",
    undoneDescription: "Jedes Objekt, das er hinzugefügt oder geändert hat, ist wieder wie vorher.",
    created: "Angelegt",
    updated: "Aktualisiert",
    skipped: "Übersprungen",
    failedCount: "Fehlgeschlagen",
    rowsNotImported: "Nicht importierte Zeilen",
    seeItems: "Zu den Objekten",
    another: "Weitere Datei importieren",
    undo: "Diesen Import rückgängig machen",
    undoing: "Wird rückgängig gemacht…",
    undoneToast: "Der Import wurde rückgängig gemacht.",
  },
} satisfies Messages<typeof en>;
