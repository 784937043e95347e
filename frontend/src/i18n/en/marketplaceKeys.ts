/** Settings → marketplace keys: the user's own API keys for Discogs and eBay. */
export default {
  list: {
    heading: "Marketplace keys",
    intro: "Your own API keys, for the marketplaces whose prices are read through their API. Only your trackers use them.",
    listLabel: "Marketplace keys",
    loadError: "Your marketplace keys could not be loaded",
    saved: "Saved",
    notSaved: "Not saved",
    noKey: "No key saved. {{withoutKey}}",
    whereToGet: "{{whereToGet}} <anchor>Open {{host}}</anchor>. Keys are stored encrypted and never shown again.",
    addKey: "Add key",
    replaceKey: "Replace key",
    addTitle: "Add your {{provider}} key",
    replaceTitle: "Replace your {{provider}} key",
    keySaved: "{{provider}} key saved.",
  },
  providers: {
    discogs: {
      usedFor: "Prices Discogs release trackers through the Discogs API: the lowest copy for sale and the suggested price per grade.",
      withoutKey: "Discogs trackers fail with “missing credentials” until you add one.",
      whereToGet: "Generate a personal access token on discogs.com under Settings → Developers.",
    },
    ebay: {
      usedFor: "Prices eBay items tracked with the eBay Browse API source (ebay_api) instead of their page.",
      withoutKey: "eBay API trackers fail with “missing credentials” until you add one; eBay page trackers do not need it.",
      whereToGet: "Create an application on developer.ebay.com and copy its production Application Keys (App ID and Cert ID).",
    },
  },
  fields: {
    token: "Personal access token",
    client_id: "Client ID (App ID)",
    client_secret: "Client secret (Cert ID)",
  },
  form: {
    addLabel: "Add {{provider}} key",
    replaceLabel: "Replace {{provider}} key",
    savedAs: "Saved as {{masked}}.",
    savedAsKeep: "Saved as {{masked}}. Leave empty to keep it.",
    storedEncrypted: "{{whereToGet}} It is stored encrypted and never shown again, not even to you.",
    save: "Save key",
    tooLong: "A key is at most 500 characters.",
    paste: {
      token: "Paste your {{provider}} personal access token.",
      client_id: "Paste your {{provider}} client id (app id).",
      client_secret: "Paste your {{provider}} client secret (cert id).",
    },
    pasteNew: "Paste the new key, or cancel to keep the saved one.",
  },
  remove: {
    button: "Remove",
    title: "Remove your {{provider}} key?",
    description: "The saved key is deleted from Omni-Stock. {{withoutKey}}",
    confirm: "Remove key",
    removed: "{{provider}} key removed.",
  },
} as const;
