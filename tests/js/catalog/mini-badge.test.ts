// @vitest-environment jsdom
// The card badge's contract (SPEC §7): data-state, data-status, data-score when scored, a visible
// reason, an accessible name, keyboard focus, one fixed box whatever it says.
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createBadgeHost } from "../../../extension/src/ui/badge";
import type { CardVerdict } from "../../../extension/src/ui/card-verdict";
import { renderMiniBadge } from "../../../extension/src/ui/mini-badge";
import { localeMsg, readRulesTexts, sampleReport } from "../extension/fixtures";

// The build's virtual rules module (the badge's dates and prices use the engine's number style),
// read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const deps = { rules: readRulesTexts(), lang: "ru" as const, msg: localeMsg("ru") };
const pseudo: CardVerdict = {
  status: "bad", score: null, signal: "pseudo_demo", note: "демо 1 дн.", reason: "псевдо-демо: проверить нельзя",
  label: "mpcheck: плохо. демо 1 дн. · псевдо-демо: проверить нельзя · шагов 1 из 8 · откройте страницу для полной проверки",
};

describe("mini-badge with a card verdict", () => {
  it("shows the verdict word, the reason, and carries the contract attributes", () => {
    const host = createBadgeHost(document, "mini");
    document.body.replaceChildren(host);
    const report = sampleReport({ score: null });
    renderMiniBadge(host, "ready", report, deps, undefined, pseudo);
    const root = host.shadowRoot!;
    expect([host.dataset.state, host.dataset.status, host.dataset.score, host.dataset.signal]).toEqual(["ready", "bad", undefined, "pseudo_demo"]);
    expect(root.querySelector(".mp-mini-value")?.textContent).toBe("плохо");
    expect(root.querySelector(".mp-mini-note")?.textContent).toBe("· демо 1 дн.");
    expect(root.querySelector(".mp-mini-reason")?.textContent).toBe("псевдо-демо: проверить нельзя");
    const box = root.querySelector<HTMLElement>(".mp-mini")!;
    expect([box.getAttribute("role"), box.tabIndex, box.getAttribute("aria-label")]).toEqual(["img", 0, pseudo.label]);
    expect(root.querySelector(".mp-icon")?.getAttribute("aria-hidden")).toBe("true");
  });

  it("a scored verdict sets data-score and keeps focus on the badge across a repaint", () => {
    const host = createBadgeHost(document, "mini");
    document.body.replaceChildren(host);
    const compare = { listed: false, name: "N", message: null, onToggle: () => undefined };
    renderMiniBadge(host, "ready", null, deps, compare, pseudo);
    host.shadowRoot!.querySelector<HTMLElement>(".mp-mini")!.focus();
    const scored: CardVerdict = { ...pseudo, status: "warn", score: 58, note: "шагов 6 из 8", reason: "2 ч назад" };
    renderMiniBadge(host, "ready", sampleReport({ score: 58 }), deps, compare, scored);
    const root = host.shadowRoot!;
    expect([host.dataset.status, host.dataset.score]).toEqual(["warn", "58"]);
    expect(root.querySelector(".mp-mini-value")?.textContent).toBe("58");
    expect(root.activeElement).toBe(root.querySelector(".mp-mini"));
    expect(root.querySelectorAll("style, .mp-mini, .mp-mini-compare")).toHaveLength(3);
  });
});
