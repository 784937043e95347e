/** English: the source language. Keys are grouped by screen; see src/i18n/README.md. */
export default {
  language: {
    label: "Language",
    hint: "The language of the app on this device. Numbers and dates follow it.",
  },
} as const;
