// Which profile judged a report and who chose it (SPEC §4 `profile: {id, chosen_by}`), in words:
// the label comes from the rules (scoring.json profiles.labels), "who chose it" from _locales.
// One place for the badge, the popup, the comparison page and the options page.
import type { Lang, Profile, Report } from "../shared/contracts";
import { isObject } from "../shared/guards";
import type { RulesTexts } from "./rules-text";
import type { Msg } from "./strings";
import { el } from "./dom";

export type ProfileChoice = { id: string; chosen_by: "kind" | "user" | "default" };

/** The report's profile as an object; reports stored by older versions name it as a bare string. */
export function profileChoice(report: Report): ProfileChoice | null {
  const p = report.profile;
  if (isObject(p) && typeof p.id === "string" && ["kind", "user", "default"].includes(p.chosen_by)) return p;
  return typeof p === "string" ? { id: p, chosen_by: "user" } : null;
}

export function profileLabel(rules: RulesTexts, profile: Profile | string, lang: Lang): string {
  const scoring = rules.scoring;
  const labels = isObject(scoring) && isObject(scoring.profiles) ? scoring.profiles.labels : null;
  const label = isObject(labels) && isObject(labels[profile]) ? labels[profile][lang] : null;
  return typeof label === "string" ? label : profile;
}

const BY_KEY = { kind: "profileByKind", user: "profileByUser", default: "profileByDefault" } as const;

/** "по типу решения" / "выбран вами" / "по умолчанию", or null for a report that does not say. */
export function profileByText(report: Report, msg: Msg): string | null {
  const choice = profileChoice(report);
  return choice ? msg(BY_KEY[choice.chosen_by]) : null;
}

/**
 * The "who chose it" note next to the profile label (badge, comparison column): a span carrying
 * data-profile / data-chosen-by, or null when the report does not name its profile.
 */
export function profileByNode(doc: Document, report: Report, msg: Msg, cls: string): HTMLElement | null {
  const choice = profileChoice(report);
  const text = profileByText(report, msg);
  if (choice === null || text === null) return null;
  const span = el(doc, "span", cls, text);
  span.dataset.profile = choice.id;
  span.dataset.chosenBy = choice.chosen_by;
  return span;
}
