// Evidence reads as the rules name it ("Last review, days ago: 3"), with the rules' number style.
import { describe, expect, it } from "vitest";
import { evidenceParts } from "../../../extension/src/ui/evidence-text";
import { readRulesTexts } from "./fixtures";

const texts = readRulesTexts();

describe("evidenceParts", () => {
  it("uses the signal's short label in the buyer's language", () => {
    const ev = { fact: "reviews.items", value: 3, source: "page" as const, signal: "freshness" };
    expect(evidenceParts(texts, "reviews", ev, "ru")).toEqual({ label: "Последний отзыв, дней назад", value: "3" });
    expect(evidenceParts(texts, "reviews", ev, "en")).toEqual({ label: "Last review, days ago", value: "3" });
  });
  it("formats shares as percent and rates with one decimal, as the messages do", () => {
    const share = { fact: "reviews.items", value: 2 / 3, source: "page" as const, signal: "negative_answered" };
    expect(evidenceParts(texts, "reviews", share, "en").value).toBe("67 %");
    const rate = { fact: "reviews.items", value: 3.6349, source: "page" as const, signal: "regularity" };
    expect(evidenceParts(texts, "reviews", rate, "ru").value).toBe("3,6");
  });
  it("lists the support channels themselves, not their tier", () => {
    const ev = { fact: "support.channels", value: ["ticket", "chat"], source: "page" as const, signal: "channels" };
    expect(evidenceParts(texts, "support", ev, "en")).toEqual({ label: "Support channels", value: "ticket, chat" });
  });
  it("falls back to the fact path for an unknown signal", () => {
    const ev = { fact: "demo.x", value: 14, source: "page" as const };
    expect(evidenceParts(texts, "demo", ev, "en").label).toBe("demo.x");
  });
});
