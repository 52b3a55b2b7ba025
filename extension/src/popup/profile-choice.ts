// The popup's profile control for the solution on screen: which profile judged it and who chose
// it (the solution's kind, the settings, this very choice, or the default), and a select that
// overrides it for this solution only. "As in the settings" undoes the override. Storing and
// re-scoring are the caller's (popup/main.ts); this file only renders.
import type { Lang, Profile, Report } from "../shared/contracts";
import { chosenProfile, type Settings } from "../shared/settings";
import { profileChoice, profileLabel } from "../ui/profile-text";
import type { RulesTexts } from "../ui/rules-text";
import type { Msg } from "../ui/strings";
import { el } from "../ui/dom";

const PROFILES: readonly Profile[] = ["module", "site", "narrow"];

export const PROFILE_CSS = `
.mp-profile-choice { margin: 10px 0; padding: 6px 10px; border: 1px solid var(--mp-line); border-radius: 6px; }
.mp-profile-choice h2 { font-size: 14px; margin: 0 0 4px; }
.mp-profile-now { margin: 2px 0 6px; }
.mp-profile-choice select { font: inherit; max-width: 100%; }
`;

export interface ProfileChoiceDeps {
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
  /** The confirmation of the last choice, announced by the status line. */
  status: string;
  onChoose: (profile: Profile | null) => void;
}

/** Who chose the report's profile, in the popup's words (it knows the settings, the report does not). */
export function profileWhoText(report: Report, settings: Settings, code: string, msg: Msg): string {
  const by = profileChoice(report)?.chosen_by;
  if (by === "kind") return msg("profileWhoKind");
  if (by !== "user") return msg("profileWhoDefault");
  // The report says "user"; the settings say where: for this solution, or for all of them.
  return msg(chosenProfile(settings, code)?.by === "solution" ? "profileWhoSolution" : "profileWhoSettings");
}

export function profileSection(
  doc: Document, report: Report, settings: Settings, code: string, deps: ProfileChoiceDeps,
): HTMLElement {
  const { msg, rules, lang } = deps;
  const section = el(doc, "section", "mp-profile-choice");
  section.setAttribute("aria-labelledby", "mp-profile-title");
  const title = el(doc, "h2", "", msg("profileTitle"));
  title.id = "mp-profile-title";
  const choice = profileChoice(report);
  const now = el(doc, "p", "mp-profile-now", msg("profileNow", {
    profile: choice ? profileLabel(rules, choice.id, lang) : "—",
    who: profileWhoText(report, settings, code, msg),
  }));
  if (choice) {
    now.dataset.profile = choice.id;
    now.dataset.chosenBy = choice.chosen_by;
  }
  const label = el(doc, "label", "mp-field-label", msg("profileForSolution"));
  label.htmlFor = "mp-profile-select";
  const select = el(doc, "select", "mp-field");
  select.id = "mp-profile-select";
  select.setAttribute("aria-describedby", "mp-profile-hint");
  const global = settings.profile ? profileLabel(rules, settings.profile, lang) : msg("profileAuto");
  select.append(new Option(msg("profileAsSettings", { profile: global }), ""));
  for (const p of PROFILES) select.append(new Option(profileLabel(rules, p, lang), p));
  select.value = settings.solutionProfiles?.[code] ?? "";
  select.addEventListener("change", () => deps.onChoose(PROFILES.includes(select.value as Profile) ? (select.value as Profile) : null));
  const hint = el(doc, "p", "mp-hint", msg("profileHint"));
  hint.id = "mp-profile-hint";
  const status = el(doc, "p", "mp-profile-status", deps.status);
  status.setAttribute("role", "status");
  section.append(title, now, label, select, hint, status);
  return section;
}
