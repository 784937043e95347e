import type { Messages } from "../types";
import type en from "../en/common";

export default {
  language: {
    label: "Sprache",
    hint: "Die Sprache der App auf diesem Gerät. Zahlen und Daten richten sich danach.",
  },
} satisfies Messages<typeof en>;
