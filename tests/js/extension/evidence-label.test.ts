// Evidence reads as the engine labels and writes it («Цена: 12 990 руб.»); an entry stored by an
// older version without them reads by the rules' short label and its raw value.
import { describe, expect, it } from "vitest";
import { evidenceParts } from "../../../extension/src/ui/evidence-text";
import { readRulesTexts } from "./fixtures";

const texts = readRulesTexts();

describe("evidenceParts", () => {
  it("uses the signal's short label in the buyer's language", () => {
    const ev = { fact: "reviews.items", value: 3, source: "page" as const, signal: "freshness" };
    expect(evidenceParts(texts, "reviews", ev, "ru")).toEqual({ label: "Последний отзыв", value: "3 дня назад" });
    expect(evidenceParts(texts, "reviews", ev, "en")).toEqual({ label: "Last review", value: "3 days ago" });
  });
  it("shows the engine's own label and locale text (one number formatter, in the engine)", () => {
    const price = {
      fact: "price.old_rub", value: 9900, source: "page" as const, signal: "price_state",
      label: { ru: "Зачёркнутая цена", en: "Struck-out price" }, text: { ru: "9 900 руб.", en: "9 900 RUB" },
    };
    expect(evidenceParts(texts, "price", price, "ru")).toEqual({ label: "Зачёркнутая цена", value: "9 900 руб." });
    expect(evidenceParts(texts, "price", price, "en")).toEqual({ label: "Struck-out price", value: "9 900 RUB" });
  });
  it("lists the support channels themselves, not their tier", () => {
    const ev = { fact: "support.channels", value: ["ticket", "chat"], source: "page" as const, signal: "channels" };
    expect(evidenceParts(texts, "support", ev, "en")).toEqual({ label: "Support channels", value: "tickets, chat" });
    expect(evidenceParts(texts, "support", ev, "ru")).toEqual({ label: "Каналы поддержки", value: "тикеты, чат" });
    expect(evidenceParts(texts, "support", { ...ev, value: [] }, "ru").value).toBe("не указаны");
  });
  it("writes yes/no as words in an older entry, never ✓/✕", () => {
    const ev = { fact: "withdrawn", value: false, source: "page" as const, signal: "availability" };
    expect(evidenceParts(texts, "price", ev, "ru")).toEqual({ label: "Снято с публикации", value: "нет" });
    expect(evidenceParts(texts, "price", ev, "en")).toEqual({ label: "Withdrawn", value: "no" });
  });
  it("falls back to the fact path for an unknown signal", () => {
    const ev = { fact: "demo.x", value: 14, source: "page" as const };
    expect(evidenceParts(texts, "demo", ev, "en").label).toBe("demo.x");
  });
});
