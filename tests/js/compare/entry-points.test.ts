// @vitest-environment jsdom
// The compare toggle where the buyer meets it: the full badge and the catalog mini-badge.
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createBadgeHost, renderBadge } from "../../../extension/src/ui/badge";
import { renderMiniBadge } from "../../../extension/src/ui/mini-badge";
import { localeMsg, readRulesTexts, sampleReport } from "../extension/fixtures";

// The build's virtual rules module (the badge's dates and prices use the engine's number style),
// read from shared_rules the way the build does it.
vi.mock("../../../extension/src/shared/rules", async () => {
  const { readRulesBundle } = await import("../../../extension/build/rules-bundle.mjs");
  return { RULES: readRulesBundle(join(__dirname, "..", "..", "..", "shared_rules")) };
});

const rules = readRulesTexts();
const deps = { rules, lang: "en" as const, msg: localeMsg("en") };

describe("badge compare toggle", () => {
  it("offers add, then remove once listed, with the outcome as a status", () => {
    const host = createBadgeHost(document);
    document.body.replaceChildren(host);
    const onCompare = vi.fn();
    renderBadge(host, { state: "ready", report: sampleReport(), partner: "ok", compare: null }, { ...deps, onCompare });
    const add = host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="compare-add"]')!;
    expect(add.textContent).toBe("Add to comparison");
    add.click();
    expect(onCompare).toHaveBeenCalledOnce();
    renderBadge(host, { state: "ready", report: sampleReport(), partner: "ok", compare: "added", listed: true }, { ...deps, onCompare });
    expect(host.shadowRoot!.querySelector('[data-action="compare-remove"]')?.textContent).toBe("Remove from comparison");
    renderBadge(host, { state: "ready", report: sampleReport(), partner: "ok", compare: "full", listed: false }, { ...deps, onCompare });
    expect(host.shadowRoot!.querySelector('[role="status"]')?.textContent).toContain("already holds 8 solutions");
  });
});

describe("catalog mini-badge compare toggle", () => {
  function mini(listed: boolean, message: string | null = null, onToggle = vi.fn()) {
    const host = createBadgeHost(document, "mini");
    const link = document.createElement("a");
    link.href = "#card";
    link.append(host);
    document.body.replaceChildren(link);
    renderMiniBadge(host, "ready", sampleReport(), deps, { listed, name: "NordLab", message, onToggle });
    return { host, button: host.shadowRoot!.querySelector<HTMLButtonElement>(".mp-mini-compare")!, onToggle };
  }
  it("is a labelled button that toggles without following the card link", () => {
    const { button, onToggle } = mini(false);
    expect(button.dataset.action).toBe("compare-add");
    expect(button.getAttribute("aria-label")).toBe("Add NordLab to comparison");
    const click = new MouseEvent("click", { bubbles: true, cancelable: true, composed: true });
    button.dispatchEvent(click);
    expect(onToggle).toHaveBeenCalledOnce();
    expect(click.defaultPrevented).toBe(true);
  });
  it("turns into remove when listed and explains a refusal", () => {
    expect(mini(true).button.dataset.action).toBe("compare-remove");
    const full = mini(false, "The comparison already holds 8 solutions").button;
    expect(full.title).toBe("The comparison already holds 8 solutions");
    expect(full.getAttribute("aria-label")).toContain("already holds 8");
  });
  it("keeps one toggle per card across repaints and calls the latest handler", () => {
    const { host, button } = mini(false);
    const later = vi.fn();
    renderMiniBadge(host, "ready", sampleReport({ score: 40 }), deps, { listed: true, name: "NordLab", message: null, onToggle: later });
    const again = host.shadowRoot!.querySelector<HTMLButtonElement>(".mp-mini-compare")!;
    expect(again).toBe(button); // not rebuilt: focus and the catalog's paint budget are kept
    expect(again.dataset.action).toBe("compare-remove");
    expect(host.shadowRoot!.querySelector(".mp-mini-value")?.textContent).toBe("40");
    expect(host.shadowRoot!.querySelectorAll("style, .mp-mini")).toHaveLength(2);
    again.click();
    expect(later).toHaveBeenCalledOnce();
  });
  it("keeps the score and the fixed-size box", () => {
    const { host } = mini(false);
    expect(host.shadowRoot!.querySelector(".mp-mini-value")?.textContent).toBe("78");
    expect(host.shadowRoot!.querySelector("style")?.textContent).toContain("width: 24em; height: 3.2em;");
  });
});
