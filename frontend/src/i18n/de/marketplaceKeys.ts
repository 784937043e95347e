import type { Messages } from "../types";
import type en from "../en/marketplaceKeys";

export default {
  list: {
    heading: "Marktplatz-Schlüssel",
    intro: "Ihre eigenen API-Schlüssel für die Marktplätze, deren Preise über ihre API gelesen werden. Nur Ihre Tracker verwenden sie.",
    listLabel: "Marktplatz-Schlüssel",
    loadError: "Ihre Marktplatz-Schlüssel konnten nicht geladen werden",
    saved: "Gespeichert",
    notSaved: "Nicht gespeichert",
    noKey: "Kein Schlüssel gespeichert. {{withoutKey}}",
    whereToGet: "{{whereToGet}} <anchor>{{host}} öffnen</anchor>. Schlüssel werden verschlüsselt gespeichert und nie wieder angezeigt.",
    addKey: "Schlüssel hinzufügen",
    replaceKey: "Schlüssel ersetzen",
    addTitle: "Ihren {{provider}}-Schlüssel hinzufügen",
    replaceTitle: "Ihren {{provider}}-Schlüssel ersetzen",
    keySaved: "{{provider}}-Schlüssel gespeichert.",
  },
  providers: {
    discogs: {
      usedFor: "Bepreist Discogs-Release-Tracker über die Discogs-API: das günstigste Angebot und der empfohlene Preis je Zustand.",
      withoutKey: "Discogs-Tracker schlagen mit „missing credentials“ fehl, bis Sie einen hinzufügen.",
      whereToGet: "Erzeugen Sie auf discogs.com unter Settings → Developers ein persönliches Zugangstoken.",
    },
    ebay: {
      usedFor: "Bepreist eBay-Artikel, die mit der Quelle eBay Browse API (ebay_api) statt über ihre Seite verfolgt werden.",
      withoutKey: "eBay-API-Tracker schlagen mit „missing credentials“ fehl, bis Sie einen hinzufügen; eBay-Seiten-Tracker brauchen ihn nicht.",
      whereToGet: "Legen Sie auf developer.ebay.com eine Anwendung an und kopieren Sie ihre Production Application Keys (App ID und Cert ID).",
    },
  },
  fields: {
    token: "Persönliches Zugangstoken",
    client_id: "Client-ID (App ID)",
    client_secret: "Client-Secret (Cert ID)",
  },
  form: {
    addLabel: "{{provider}}-Schlüssel hinzufügen",
    replaceLabel: "{{provider}}-Schlüssel ersetzen",
    savedAs: "Gespeichert als {{masked}}.",
    savedAsKeep: "Gespeichert als {{masked}}. Leer lassen, um ihn zu behalten.",
    storedEncrypted: "{{whereToGet}} Er wird verschlüsselt gespeichert und nie wieder angezeigt, auch Ihnen nicht.",
    save: "Schlüssel speichern",
    tooLong: "Ein Schlüssel hat höchstens 500 Zeichen.",
    paste: {
      token: "Fügen Sie Ihr persönliches {{provider}}-Zugangstoken ein.",
      client_id: "Fügen Sie Ihre {{provider}}-Client-ID (App ID) ein.",
      client_secret: "Fügen Sie Ihr {{provider}}-Client-Secret (Cert ID) ein.",
    },
    pasteNew: "Fügen Sie den neuen Schlüssel ein, oder brechen Sie ab, um den gespeicherten zu behalten.",
  },
  remove: {
    button: "Entfernen",
    title: "Ihren {{provider}}-Schlüssel entfernen?",
    description: "Der gespeicherte Schlüssel wird aus Omni-Stock gelöscht. {{withoutKey}}",
    confirm: "Schlüssel entfernen",
    removed: "{{provider}}-Schlüssel entfernt.",
  },
} satisfies Messages<typeof en>;
