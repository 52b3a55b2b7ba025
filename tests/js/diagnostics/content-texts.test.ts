// The content script's texts come from the build's own _locales files (build/locales-plugin.mjs),
// picked the way the browser picks them for chrome.i18n (content/locale-pick.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLocales } from "../../../extension/build/locales-plugin.mjs";
import { pickLocale } from "../../../extension/src/content/locale-pick";

const STATIC = join(__dirname, "..", "..", "..", "extension", "static");

describe("pickLocale", () => {
  const available = ["en", "ru"];
  it("takes the exact locale, then its language, then the default", () => {
    expect(pickLocale("ru", available, "ru")).toBe("ru");
    expect(pickLocale("en-US", available, "ru")).toBe("en");
    expect(pickLocale("en_GB", available, "ru")).toBe("en");
    expect(pickLocale("pt-BR", ["en", "pt_BR", "ru"], "ru")).toBe("pt_BR");
    expect(pickLocale("de", available, "ru")).toBe("ru");
    expect(pickLocale("", available, "ru")).toBe("ru");
  });
});

describe("readLocales", () => {
  it("carries every message of every _locales file and the manifest's default", () => {
    const locales = readLocales(STATIC);
    expect(locales.default).toBe("ru");
    expect(Object.keys(locales.messages)).toEqual(["en", "ru"]);
    for (const lang of ["en", "ru"]) {
      const raw = JSON.parse(readFileSync(join(STATIC, "_locales", lang, "messages.json"), "utf8")) as Record<string, { message: string }>;
      expect(Object.keys(locales.messages[lang] ?? {})).toEqual(Object.keys(raw));
      for (const [key, entry] of Object.entries(raw)) expect(locales.messages[lang]?.[key]).toBe(entry.message);
    }
    expect(locales.messages.ru?.uiLang).toBe("ru");
    expect(locales.messages.en?.uiLang).toBe("en");
  });
});
