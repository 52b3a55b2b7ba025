// Firefox check, driven by tests/e2e/test_firefox.py: loads the PRODUCTION build
// extension/dist/firefox into Debian's firefox-esr over WebDriver BiDi (puppeteer-core; Playwright
// cannot drive stock Firefox, TESTING-BROWSERS.md §6), reads the badge on one solution page, then
// opens the extension's popup page in a tab and reads its nine rows.
//
// How the popup is reached (checked with firefox-esr 153.8):
// - BiDi refuses browsingContext.navigate to moz-extension:// ("Navigation … is not allowed in this
//   context", remote/shared/BrowsingContextUtils isWebdriverSafeNavigationURL) unless Firefox runs
//   with --remote-allow-system-access (RemoteAgent.allowSystemAccess); with it the load works.
// - The moz-extension uuid is random per install; the pref extensions.webextensions.uuids maps the
//   gecko id (from the manifest) to a fixed uuid before installExtension, so the URL is known.
// - puppeteer's goto never resolves for that load (the page moves to the extension process and its
//   navigation events are not matched: "Frame detached"), so it is started without waiting and the
//   page is polled with waitForFunction, which evaluates in the tab as it is now.
// - A page opened in a tab has no "current tab", so the popup gets ?tabId= as in the Chromium tests;
//   the id comes from browser.tabs.query in the extension page itself.
// Firefox has no --host-resolver-rules, so the real host name reaches the TLS fake through a tiny
// local CONNECT proxy. The UI language is Russian (pref intl.locale.requested + the Debian langpack
// firefox-esr-l10n-ru, installed by `make browsers`).
// Prints one JSON line: {state, code, rows, popup: {lang, uiLang, title, rows, statusWords, partner,
// scrollWidth, viewportWidth, expanded}}.
// usage: node firefox_check.mjs <fake-tls-port> <ext-dir> <url> <closed-backend-url> [screenshot-prefix]
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import puppeteer from "puppeteer-core";

const [portArg, extArg, url, backendUrl, shot] = process.argv.slice(2);
const extDir = path.resolve(extArg); // installExtension wants an absolute path
const fakePort = Number(portArg);
const UUID = "6d0c3f4e-2b1a-4c8d-9e7f-5a4b3c2d1e0f"; // any fixed uuid: the tests' own
const geckoId = JSON.parse(readFileSync(path.join(extDir, "manifest.json"), "utf8")).browser_specific_settings.gecko.id;
const POPUP_WIDTH = 440;

function startProxy() {
  const proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on("connect", (_req, client, head) => {
    const upstream = net.connect(fakePort, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  return new Promise((resolve) => proxy.listen(0, "127.0.0.1", () => resolve(proxy)));
}

/** Loads an extension page in `page` without waiting on goto (see the header) and waits for `ready`. */
async function openExtensionPage(page, pageUrl, ready) {
  page.goto(pageUrl).catch(() => {}); // "Frame detached" / timeout: the tab is polled instead
  await page.waitForFunction(
    (want, sel) => location.href === want && document.readyState === "complete" && (!sel || document.querySelector(sel) !== null),
    { timeout: 15000, polling: 200 },
    pageUrl,
    ready ?? "",
  );
}

const proxy = await startProxy();
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.MPCHECK_FIREFOX ?? "/usr/bin/firefox-esr",
  headless: true,
  acceptInsecureCerts: true,
  args: ["--remote-allow-system-access"],
  extraPrefsFirefox: {
    "network.proxy.type": 1,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": proxy.address().port,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": true,
    "extensions.webextensions.uuids": JSON.stringify({ [geckoId]: UUID }),
    "intl.locale.requested": "ru",
  },
});
let exitCode = 0;
try {
  await browser.installExtension(extDir);
  const base = `moz-extension://${UUID}/`;
  // The extension page first: point the worker at a closed port (the "backend stopped" case) so
  // the steps that need the server are known-unknown whatever listens on 127.0.0.1:8765.
  const popup = await browser.newPage();
  await popup.setViewport({ width: POPUP_WIDTH, height: 600 });
  await openExtensionPage(popup, `${base}popup.html`, "#app[data-state]");
  await popup.evaluate((u) => browser.storage.local.clear().then(() => browser.storage.local.set({ backendUrl: u })), backendUrl);

  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(
    () => document.querySelector("mpcheck-badge:not([data-size])")?.getAttribute("data-state") === "ready",
    { timeout: 15000 },
  );
  const badgeRows = () =>
    page.evaluate(() => {
      const host = document.querySelector("mpcheck-badge:not([data-size])");
      const rows = [...(host?.shadowRoot?.querySelectorAll("[data-criterion]") ?? [])].map((r) => [
        r.getAttribute("data-criterion"),
        r.getAttribute("data-status"),
      ]);
      return { state: host?.getAttribute("data-state"), code: host?.getAttribute("data-code"), rows };
    });
  const result = await badgeRows();
  if (shot) await page.screenshot({ path: `${shot}-badge.png` });

  const tabId = await popup.evaluate(
    (pattern) => browser.tabs.query({ url: pattern }).then((tabs) => (tabs.length ? tabs[tabs.length - 1].id : null)),
    `${url}*`,
  );
  if (typeof tabId !== "number") throw new Error(`no tab for ${url}`);
  await openExtensionPage(popup, `${base}popup.html?tabId=${tabId}`, "#app[data-state='ready'] [data-criterion]");
  // The final paint: the partner look-up has settled (the closed port answers nothing).
  await popup.waitForFunction(
    (pending) => !(document.querySelector("#app .mp-partner")?.textContent ?? "").includes(pending),
    { timeout: 10000, polling: 200 },
    await popup.evaluate(() => browser.i18n.getMessage("partnerPending")),
  );
  // The first step opens from the keyboard (a button with aria-expanded, ui/criterion-row.ts).
  await popup.bringToFront(); // keys go to the tab in front (the solution page was opened after)
  await popup.focus("#app [data-criterion] .mp-step-toggle");
  await popup.keyboard.press("Enter");
  const view = await popup.evaluate(() => {
    const rows = [...document.querySelectorAll("#app [data-criterion]")];
    const first = rows[0]?.querySelector(".mp-step-toggle");
    return {
      lang: document.documentElement.lang,
      uiLang: browser.i18n.getUILanguage(),
      title: document.querySelector("#app .mp-title")?.textContent ?? null,
      rows: rows.map((r) => [r.getAttribute("data-criterion"), r.getAttribute("data-status")]),
      statusWords: rows.map((r) => r.querySelector(".mp-row-status")?.textContent ?? null),
      partner: document.querySelector("#app .mp-partner")?.textContent ?? null,
      scrollWidth: document.documentElement.scrollWidth,
      viewportWidth: document.documentElement.clientWidth,
      expanded: [first?.getAttribute("aria-expanded") ?? null, first ? document.getElementById(first.getAttribute("aria-controls"))?.hidden ?? null : null],
    };
  });
  if (shot) await popup.screenshot({ path: `${shot}-popup.png` });
  const badgeAfter = await badgeRows(); // the badge and the popup after the same final result
  console.log(JSON.stringify({ ...result, rowsFinal: badgeAfter.rows, popup: view }));
} catch (err) {
  console.error(String(err));
  exitCode = 1;
} finally {
  await browser.close();
  proxy.close();
}
process.exit(exitCode);
