// A backend that just failed is not asked again for a minute, so a stopped server costs each
// page one timeout at most, not one per navigation (or per message: enrich and visit share this).
const RETRY_AFTER_MS = 60_000;
const downUntil = new Map<string, number>(); // per backend URL: changing it in options retries at once

export function markBackendDown(base: string, now = Date.now()): void {
  downUntil.set(base, now + RETRY_AFTER_MS);
}

export function backendLooksDown(base: string, now = Date.now()): boolean {
  return now < (downUntil.get(base) ?? 0);
}
