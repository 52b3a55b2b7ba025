// The options page's list of per-solution profiles (chosen in the popup): each with its profile
// and a reset button, so a choice made on one solution's page can be found and undone here too.
import type { Lang, Profile } from "../shared/contracts";
import type { RulesTexts } from "../ui/rules-text";
import { profileLabel } from "../ui/profile-text";
import type { Msg } from "../ui/strings";
import { el } from "../ui/dom";

export interface SolutionListDeps {
  rules: RulesTexts;
  lang: Lang;
  msg: Msg;
  /** Removes the choice for `code`; resolves when stored. */
  onReset: (code: string) => Promise<void>;
}

export function solutionProfileList(
  doc: Document, chosen: Readonly<Record<string, Profile>> | undefined, deps: SolutionListDeps,
): HTMLFieldSetElement {
  const set = el(doc, "fieldset", "opt-solutions");
  set.append(el(doc, "legend", "", deps.msg("optSolutionProfiles")));
  const codes = Object.keys(chosen ?? {}).sort();
  if (codes.length === 0) {
    set.append(el(doc, "p", "opt-help", deps.msg("optSolutionProfilesNone")));
    return set;
  }
  set.append(el(doc, "p", "opt-help", deps.msg("optSolutionProfilesHelp")));
  const list = el(doc, "ul", "opt-solution-list");
  for (const code of codes) {
    const item = el(doc, "li", "opt-solution");
    item.dataset.code = code;
    const label = profileLabel(deps.rules, (chosen ?? {})[code] as Profile, deps.lang);
    const reset = el(doc, "button", "opt-solution-reset", deps.msg("optSolutionReset"));
    reset.type = "button";
    reset.setAttribute("aria-label", deps.msg("optSolutionResetNamed", { code }));
    reset.addEventListener("click", () => {
      reset.disabled = true;
      void deps.onReset(code).then(() => item.remove(), () => (reset.disabled = false));
    });
    item.append(el(doc, "code", "", code), doc.createTextNode(` — ${label} `), reset);
    list.append(item);
  }
  set.append(list);
  return set;
}
