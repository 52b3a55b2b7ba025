// Firefox check, driven by tests/e2e/test_firefox.py: loads the PRODUCTION build
// extension/dist/firefox into Debian's firefox-esr over WebDriver BiDi (puppeteer-core; Playwright
// cannot drive stock Firefox, TESTING-BROWSERS.md §6) and reads the badge on one page.
// Firefox has no --host-resolver-rules, so the real host name reaches the TLS fake through a tiny
// local CONNECT proxy. Prints one JSON line: {state, code, rows: [[criterion, status], ...]}.
// usage: node firefox_badge.mjs <fake-tls-port> <ext-dir> <url> [screenshot.png]
import http from "node:http";
import net from "node:net";
import puppeteer from "puppeteer-core";

const [portArg, extDir, url, shot] = process.argv.slice(2);
const fakePort = Number(portArg);

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

const proxy = await startProxy();
const browser = await puppeteer.launch({
  browser: "firefox",
  executablePath: process.env.MPCHECK_FIREFOX ?? "/usr/bin/firefox-esr",
  headless: true,
  acceptInsecureCerts: true,
  extraPrefsFirefox: {
    "network.proxy.type": 1,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": proxy.address().port,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": true,
  },
});
let exitCode = 0;
try {
  await browser.installExtension(extDir);
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(
    () => document.querySelector('mpcheck-badge:not([data-size])')?.getAttribute("data-state") === "ready",
    { timeout: 15000 },
  );
  const result = await page.evaluate(() => {
    const host = document.querySelector("mpcheck-badge:not([data-size])");
    const rows = [...(host?.shadowRoot?.querySelectorAll("[data-criterion]") ?? [])].map((r) => [
      r.getAttribute("data-criterion"),
      r.getAttribute("data-status"),
    ]);
    return { state: host?.getAttribute("data-state"), code: host?.getAttribute("data-code"), rows };
  });
  if (shot) await page.screenshot({ path: shot });
  console.log(JSON.stringify(result));
} catch (err) {
  console.error(String(err));
  exitCode = 1;
} finally {
  await browser.close();
  proxy.close();
}
process.exit(exitCode);
