// Options page: backend URL, profile (automatic by default), criteria on/off, and the profiles the
// buyer chose for single solutions in the popup (listed here to be undone). A custom backend origin needs a runtime
// host permission (optional_host_permissions), which browsers grant only inside a user gesture,
// so permissions.request is the first call in the submit handler.
import { ext } from "../shared/browser-api";
import { RULES } from "../shared/rules";
import { DEFAULT_BACKEND_URL, loadStoredSettings, saveSettings } from "../shared/settings";
import { saveSolutionProfile } from "../shared/solution-profile";
import { PAGE_CSS } from "../ui/badge-style";
import { bootstrapPage } from "../ui/page-bootstrap";
import { browserMsg, uiLang } from "../ui/strings";
import { completeBackendUrl } from "./backend-url";
import { buildForm, readForm } from "./form";
import { solutionProfileList } from "./solution-list";

/** What the status line says: a finished step, a refusal, or a permission prompt still open. */
type StatusKind = "done" | "error" | "pending";

function setStatus(form: HTMLFormElement, text: string, kind: StatusKind = "done"): void {
  const status = form.querySelector<HTMLElement>("#opt-status");
  if (!status) return;
  status.textContent = text;
  status.dataset.kind = kind; // pages.css colours errors; the tests read the state
}

async function main(): Promise<void> {
  const lang = uiLang();
  bootstrapPage(document, lang, browserMsg("optTitle"), PAGE_CSS);
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
  // Each submit is one attempt; only the latest may write the status, so an older prompt answered
  // late cannot put its result over the newer attempt's.
  let attempt = 0;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = readForm(form);
    const origin = completeBackendUrl(values.backendUrl);
    const mine = ++attempt;
    if (!origin) return setStatus(form, browserMsg("optBadUrl"), "error");
    const needsGrant = origin !== DEFAULT_BACKEND_URL;
    // permissions.request first, inside the gesture; the status line changes right after in the
    // same task, replacing any earlier error while the browser's prompt is open.
    const granted = needsGrant ? ext().permissions.request({ origins: [`${origin}/*`] }) : Promise.resolve(true);
    setStatus(form, needsGrant ? browserMsg("optWaitingPermission", { origin }) : "", "pending");
    const field = form.querySelector<HTMLInputElement>("#backend-url");
    if (field) field.value = origin; // what is saved, scheme added: the buyer sees it
    void granted
      .catch(() => false) // a refused request (a bad pattern, no gesture) is no grant either
      .then(async (ok) => {
        if (mine !== attempt) return;
        if (!ok) return setStatus(form, browserMsg("optPermissionDenied"), "error");
        // Re-read what is stored: the per-solution profiles are not on this form (and the popup may
        // have changed one since the page opened), so they are kept as they are now.
        await saveSettings({ ...(await loadStoredSettings()), ...values, backendUrl: origin });
        if (mine === attempt) setStatus(form, browserMsg("optSaved"));
      });
  });
}

void main();
