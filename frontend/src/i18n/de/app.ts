import type { Messages } from "../types";
import type en from "../en/app";

export default {
  shell: {
    brand: "Omni-Stock",
    loading: "Omni-Stock wird geladen",
    skipToContent: "Zum Inhalt springen",
    openMenu: "Menü öffnen",
    menuDescription: "Hauptnavigation",
  },
  nav: {
    label: "Hauptmenü",
    dashboard: "Übersicht",
    collection: "Sammlung",
    addItem: "Objekt hinzufügen",
    import: "Import",
    wants: "Wunschliste",
    alerts: "Preisalarme",
    settings: "Einstellungen",
  },
  notFound: {
    pageTitle: "Nicht gefunden · Omni-Stock",
    heading: "Seite nicht gefunden",
    description: "Unter dieser Adresse gibt es nichts.",
    back: "Zurück zu Ihrer Sammlung",
  },
  routeError: {
    pageTitle: "Fehler · Omni-Stock",
  },
  login: {
    pageTitle: "Anmelden · Omni-Stock",
    title: "Anmelden",
    description: "Willkommen zurück bei Ihrer Sammlung.",
    newHere: "Neu hier? <anchor>Konto erstellen</anchor>",
    forgot: "Passwort vergessen?",
  },
  register: {
    pageTitle: "Konto erstellen · Omni-Stock",
    title: "Konto erstellen",
    description: "Verfolgen Sie, was Ihre Sammlung wert ist.",
    haveAccount: "Sie haben schon ein Konto? <anchor>Anmelden</anchor>",
  },
  forgotPassword: {
    pageTitle: "Passwort vergessen · Omni-Stock",
    title: "Passwort vergessen?",
    description: "Geben Sie die Adresse Ihres Kontos ein: Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort wählen.",
    back: "Zurück zur Anmeldung",
  },
  resetPassword: {
    pageTitle: "Passwort zurücksetzen · Omni-Stock",
    title: "Neues Passwort wählen",
    description: "Damit werden Sie überall abgemeldet; melden Sie sich danach mit dem neuen Passwort an.",
    newLink: "Neuen Link anfordern",
    changed: "Ihr Passwort wurde geändert. Melden Sie sich mit dem neuen an.",
    incomplete: "Dieser Link zum Zurücksetzen ist unvollständig: Öffnen Sie den Link aus der E-Mail erneut oder fordern Sie einen neuen an.",
  },
  verifyEmail: {
    pageTitle: "E-Mail bestätigen · Omni-Stock",
    title: "E-Mail-Adresse bestätigen",
    description: "Mit einer bestätigten Adresse können wir Sie zu Ihrem Konto erreichen.",
    home: "Zu Ihrer Sammlung",
    incomplete: "Dieser Bestätigungslink ist unvollständig: Öffnen Sie den Link aus der E-Mail erneut.",
    alreadyVerified: "Ihre Adresse war bereits bestätigt.",
    verified: "Danke: {{email}} ist bestätigt.",
    verifiedNoEmail: "Danke: Ihre Adresse ist bestätigt.",
    failed: "{{message}} Melden Sie sich an und wählen Sie „Link erneut senden“.",
    checking: "Ihr Link wird geprüft…",
  },
  settings: {
    heading: "Einstellungen",
    navLabel: "Einstellungen",
    profile: "Profil",
    security: "Sicherheit",
    notifications: "Benachrichtigungen",
    collections: "Sammlungen",
    account: "Konto",
  },
  settingsProfile: {
    pageTitle: "Profil · Einstellungen · Omni-Stock",
    loadError: "Ihr Profil konnte nicht geladen werden",
  },
  settingsSecurity: {
    pageTitle: "Sicherheit · Einstellungen · Omni-Stock",
  },
  settingsAccount: {
    pageTitle: "Konto · Einstellungen · Omni-Stock",
    loadError: "Ihre Sammlungen konnten nicht geladen werden",
    noneOwned: "Ihnen gehört keine Sammlung: nichts herunterzuladen.",
    intro:
      "Ein Export ist ein ZIP-Archiv einer ganzen Sammlung (Objekte, Preise, Fotos), das Sie in einem anderen Omni-Stock wiederherstellen können. Mehr unter <anchor>Sammlungen</anchor>.",
    downloadLabel: "Export von {{name}} herunterladen",
    downloaded: "Export von {{name}} heruntergeladen.",
    preparing: "Wird vorbereitet…",
    download: "Export herunterladen",
  },
} satisfies Messages<typeof en>;
