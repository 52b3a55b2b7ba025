// Builds the settings form from the rules (profile names, step titles) so new criteria or
// profiles need no UI change. DOM APIs only.
import type { CriterionId, Lang, Profile } from "../shared/contracts";
import { CRITERIA } from "../shared/contracts";
import type { Settings } from "../shared/settings";
import { profileLabel } from "../ui/profile-text";
import { criterionTitle, type RulesTexts } from "../ui/rules-text";
import type { Msg } from "../ui/strings";

const PROFILES: Profile[] = ["module", "site", "narrow"];

function choice(doc: Document, type: "radio" | "checkbox", name: string, value: string, label: string, checked: boolean) {
  const wrap = doc.createElement("label");
  wrap.className = "opt-choice";
  const input = doc.createElement("input");
  input.type = type;
  input.name = name;
  input.value = value;
  input.checked = checked;
  wrap.append(input, doc.createTextNode(" " + label));
  return wrap;
}

function fieldset(doc: Document, legend: string, children: HTMLElement[]): HTMLFieldSetElement {
  const set = doc.createElement("fieldset");
  const leg = doc.createElement("legend");
  leg.textContent = legend;
  set.append(leg, ...children);
  return set;
}

export function buildForm(doc: Document, settings: Settings, rules: RulesTexts, lang: Lang, msg: Msg): HTMLFormElement {
  const form = doc.createElement("form");
  form.noValidate = true;
  const urlLabel = doc.createElement("label");
  urlLabel.htmlFor = "backend-url";
  urlLabel.textContent = msg("optBackend");
  const url = doc.createElement("input");
  url.id = "backend-url";
  url.name = "backendUrl";
  url.type = "url";
  url.value = settings.backendUrl;
  url.setAttribute("aria-describedby", "backend-help");
  const help = doc.createElement("p");
  help.id = "backend-help";
  help.className = "opt-help";
  help.textContent = msg("optBackendHelp");
  // The default is automatic: the rules follow the solution's kind (site -> site, else module).
  const profiles = [choice(doc, "radio", "profile", "", msg("optProfileAuto"), settings.profile === null)];
  for (const p of PROFILES) profiles.push(choice(doc, "radio", "profile", p, profileLabel(rules, p, lang), settings.profile === p));
  const steps = CRITERIA.map((id) =>
    choice(doc, "checkbox", "criterion", id, criterionTitle(rules, id, lang), !settings.disabled.includes(id)),
  );
  const save = doc.createElement("button");
  save.type = "submit";
  save.textContent = msg("optSave");
  const status = doc.createElement("p");
  status.id = "opt-status";
  status.setAttribute("role", "status");
  form.append(urlLabel, url, help, fieldset(doc, msg("optProfile"), profiles), fieldset(doc, msg("optCriteria"), steps), save, status);
  return form;
}

export function readForm(form: HTMLFormElement): { backendUrl: string; profile: Profile | null; disabled: CriterionId[] } {
  const data = new FormData(form);
  const profile = String(data.get("profile") ?? "");
  const enabled = data.getAll("criterion").map(String);
  return {
    backendUrl: String(data.get("backendUrl") ?? ""),
    profile: (PROFILES as string[]).includes(profile) ? (profile as Profile) : null,
    disabled: CRITERIA.filter((id) => !enabled.includes(id)),
  };
}
