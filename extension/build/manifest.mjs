// One manifest source, two targets that differ only where the browsers differ (the uBOL approach):
// Chromium wants background.service_worker; Firefox wants background.scripts plus a gecko id and
// the data-collection declaration that addons-linter requires for new add-ons.

export const GECKO = {
  id: "mpcheck@mpcheck.example",
  // 140 = first ESR with data_collection_permissions and MV3 optional_host_permissions.
  strict_min_version: "140.0",
  data_collection_permissions: { required: ["none"] },
};

export function manifestFor(target, base, version) {
  const manifest = structuredClone(base);
  manifest.version = version;
  if (target === "chrome") {
    manifest.background = { service_worker: "worker.js" };
    manifest.minimum_chrome_version = "120";
  } else if (target === "firefox") {
    manifest.background = { scripts: ["worker.js"] };
    // Firefox for Android learned data_collection_permissions in 142; say so, or addons-linter warns.
    manifest.browser_specific_settings = { gecko: GECKO, gecko_android: { strict_min_version: "142.0" } };
  } else {
    throw new Error(`unknown target ${target}`);
  }
  return manifest;
}
