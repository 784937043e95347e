/** English: the source language. Keys are grouped by screen; see src/i18n/README.md. */
export default {
  language: {
    label: "Language",
    hint: "The language of the app on this device. Numbers and dates follow it.",
  },
  actions: {
    add: "Add",
    back: "Back",
    cancel: "Cancel",
    close: "Close",
    delete: "Delete",
    edit: "Edit",
    next: "Next",
    previous: "Previous",
    remove: "Remove",
    retry: "Try again",
    save: "Save",
    saving: "Saving…",
    undo: "Undo",
  },
  status: {
    loading: "Loading…",
    somethingWentWrong: "Something went wrong",
  },
} as const;
