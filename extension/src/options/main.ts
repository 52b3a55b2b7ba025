// Options page: backend URL, profile (automatic by default), criteria on/off, and the profiles the
// buyer chose for single solutions in the popup (listed here to be undone). A custom backend origin needs a runtime
// host permission (optional_host_permissions), which browsers grant only inside a user gesture,
// so permissions.request is the first call in the submit handler.
import { ext } from "../shared/browser-api";
import { RULES } from "../shared/rules";
import { DEFAULT_BACKEND_URL, loadStoredSettings, normalizeBackendUrl, saveSettings } from "../shared/settings";
import { saveSolutionProfile } from "../shared/solution-profile";
import { PAGE_CSS } from "../ui/badge-style";
import { browserMsg, uiLang } from "../ui/strings";
import { buildForm, readForm } from "./form";
import { solutionProfileList } from "./solution-list";

function setStatus(form: HTMLFormElement, text: string): void {
  const status = form.querySelector("#opt-status");
  if (status) status.textContent = text;
}

async function main(): Promise<void> {
  const lang = uiLang();
  document.documentElement.lang = lang;
  document.title = browserMsg("optTitle");
  const style = document.createElement("style");
  style.textContent = PAGE_CSS;
  document.head.append(style);
  const heading = document.getElementById("title");
  if (heading) heading.textContent = browserMsg("optTitle");
  const root = document.getElementById("app");
  if (!root) return;
  const stored = await loadStoredSettings();
  const form = buildForm(document, stored, RULES, lang, browserMsg);
  const onReset = async (code: string) => {
    await saveSolutionProfile(code, null);
    setStatus(form, browserMsg("optSolutionResetDone", { code }));
  };
  root.replaceChildren(form, solutionProfileList(document, stored.solutionProfiles, { rules: RULES, lang, msg: browserMsg, onReset }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = readForm(form);
    const origin = normalizeBackendUrl(values.backendUrl);
    if (!origin) return setStatus(form, browserMsg("optBadUrl"));
    const granted =
      origin === DEFAULT_BACKEND_URL ? Promise.resolve(true) : ext().permissions.request({ origins: [`${origin}/*`] });
    void granted.then(async (ok) => {
      if (!ok) return setStatus(form, browserMsg("optPermissionDenied"));
      // Re-read what is stored: the per-solution profiles are not on this form (and the popup may
      // have changed one since the page opened), so they are kept as they are now.
      await saveSettings({ ...(await loadStoredSettings()), ...values, backendUrl: origin });
      setStatus(form, browserMsg("optSaved"));
    });
  });
}

void main();
