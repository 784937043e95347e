import type { Messages } from "../types";
import type en from "../en/photos";

export default {
  section: {
    title: "Fotos",
    descriptionEdit: "Ziehen Sie Bilder hierher oder wählen Sie sie aus. Metadaten (etwa GPS) werden entfernt.",
    descriptionView: "Fotos dieses Objekts.",
    choose: "Fotos zum Hochladen auswählen",
    add: "Fotos hinzufügen",
    loading: "Fotos werden geladen",
    loadError: "Die Fotos konnten nicht geladen werden",
    emptyTitle: "Noch keine Fotos",
    emptyDescription: "Legen Sie Bilder hier ab oder wählen Sie Dateien aus; das erste wird zum Titelbild.",
    list: "Fotos",
    uploads: "Uploads",
    onlyImages: "Nur Bilder können hinzugefügt werden: JPEG, PNG, WebP oder GIF.",
    orderSaved: "Reihenfolge der Fotos gespeichert.",
  },
  fromPage: {
    fetching: "Wird abgerufen…",
    useImage: "Bild der verfolgten Seite verwenden",
    useNthImage: "Bild der verfolgten Seite {{n}} verwenden",
    added: "Das Bild der verfolgten Seite wurde hinzugefügt.",
  },
  tile: {
    alt: "Foto {{n}}",
    altCover: "Foto {{n}} (Titelbild)",
    cover: "Titelbild",
    moveEarlier: "Foto {{n}} nach vorne verschieben",
    moveLater: "Foto {{n}} nach hinten verschieben",
    makeCover: "Foto {{n}} als Titelbild festlegen",
    delete: "Foto {{n}} löschen",
    coverSet: "Foto {{n}} ist jetzt das Titelbild.",
    deleted: "Foto {{n}} gelöscht.",
  },
  upload: {
    dismiss: "{{name}} ausblenden",
    progress: "{{name}} wird hochgeladen",
    failed: "Hochladen fehlgeschlagen.",
  },
} satisfies Messages<typeof en>;
