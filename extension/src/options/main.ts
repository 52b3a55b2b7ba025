// Options page: backend URL, profile, criteria on/off. A custom backend origin needs a runtime
// host permission (optional_host_permissions), which browsers grant only inside a user gesture,
// so permissions.request is the first call in the submit handler.
import { ext } from "../shared/browser-api";
import { RULES } from "../shared/rules";
import { DEFAULT_BACKEND_URL, loadStoredSettings, normalizeBackendUrl, saveSettings } from "../shared/settings";
import { PAGE_CSS } from "../ui/badge-style";
import { browserMsg, uiLang } from "../ui/strings";
import { buildForm, readForm } from "./form";

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
  const form = buildForm(document, await loadStoredSettings(), RULES, lang, browserMsg);
  root.replaceChildren(form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = readForm(form);
    const origin = normalizeBackendUrl(values.backendUrl);
    if (!origin) return setStatus(form, browserMsg("optBadUrl"));
    const granted =
      origin === DEFAULT_BACKEND_URL ? Promise.resolve(true) : ext().permissions.request({ origins: [`${origin}/*`] });
    void granted.then(async (ok) => {
      if (!ok) return setStatus(form, browserMsg("optPermissionDenied"));
      await saveSettings({ ...values, backendUrl: origin });
      setStatus(form, browserMsg("optSaved"));
    });
  });
}

void main();
