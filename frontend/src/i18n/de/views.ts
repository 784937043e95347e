import type { Messages } from "../types";
import type en from "../en/views";

export default {
  nav: {
    heading: "Ansichten",
    empty: "Noch keine gespeicherten Ansichten. Filtern Sie Ihre Sammlung und wählen Sie „Ansicht speichern“.",
    loadError: "Ihre Ansichten konnten nicht geladen werden.",
    count_one: "{{count}} Objekt",
    count_other: "{{count}} Objekte",
    noLongerApplies: "gilt nicht mehr",
  },
  save: {
    button: "Ansicht speichern",
    title: "Diese Ansicht speichern",
    description: "Eine benannte Abkürzung zur Liste mit diesen Filtern und dieser Sortierung. Sie folgt Ihren Daten: Neue passende Objekte erscheinen darin.",
    nameLabel: "Name",
    namePlaceholder: "Gegradete Pokémon",
    saves: "Gespeichert wird:",
    nothing: "Keine Filter: die ganze Liste, neueste zuerst.",
    submit: "Speichern",
    cancel: "Abbrechen",
    saved: "Ansicht „{{name}}“ gespeichert",
  },
  current: {
    label: "Ansicht:",
    moveUp: "Ansicht nach oben",
    moveDown: "Ansicht nach unten",
    rename: "Ansicht umbenennen",
    renameTitle: "Ansicht umbenennen",
    renameSubmit: "Umbenennen",
    delete: "Löschen",
    deleteTitle: "Ansicht „{{name}}“ löschen?",
    deleteDescription: "Nur die Abkürzung verschwindet: Ihre Objekte bleiben, wie sie sind.",
    deleteView: "Ansicht löschen",
    deleted: "Ansicht gelöscht",
    update: "„{{name}}“ aktualisieren",
    updated: "Ansicht „{{name}}“ zeigt jetzt diese Filter",
    renamed: "Ansicht in „{{name}}“ umbenannt",
  },
} satisfies Messages<typeof en>;
