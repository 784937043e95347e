import type { Messages } from "../types";
import type en from "../en/common";

export default {
  language: {
    label: "Sprache",
    hint: "Die Sprache der App auf diesem Gerät. Zahlen und Daten richten sich danach.",
  },
  actions: {
    add: "Hinzufügen",
    back: "Zurück",
    cancel: "Abbrechen",
    close: "Schließen",
    delete: "Löschen",
    edit: "Bearbeiten",
    next: "Weiter",
    previous: "Zurück",
    remove: "Entfernen",
    retry: "Erneut versuchen",
    save: "Speichern",
    saving: "Wird gespeichert…",
    undo: "Rückgängig",
  },
  status: {
    loading: "Wird geladen…",
    somethingWentWrong: "Etwas ist schiefgelaufen",
  },
} satisfies Messages<typeof en>;
