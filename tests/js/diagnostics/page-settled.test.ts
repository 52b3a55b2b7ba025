// When the content script starts reading (content/page-settled.ts): at the page's load event or at
// the deadline after DOMContentLoaded, whichever comes first; at once on a page already loaded.
import { describe, expect, it, vi } from "vitest";
import { LISTING_SETTLE_DEADLINE_MS, pageSettled, SETTLE_DEADLINE_MS } from "../../../extension/src/content/page-settled";

function fakeWindow(readyState: string) {
  const listeners = new Map<string, () => void>();
  const win = {
    document: { readyState },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout>) => clearTimeout(id),
    addEventListener: (name: string, fn: () => void) => listeners.set(name, fn),
    removeEventListener: (name: string) => listeners.delete(name),
  };
  return { win: win as unknown as Window, fire: (name: string) => listeners.get(name)?.(), listeners };
}

async function withFakeTimers(run: (advance: (ms: number) => Promise<void>) => Promise<void>): Promise<void> {
  vi.useFakeTimers();
  try {
    await run(async (ms) => void (await vi.advanceTimersByTimeAsync(ms)));
  } finally {
    vi.useRealTimers();
  }
}

describe("pageSettled", () => {
  it("keeps the deadlines the budgets were measured with", () => {
    expect([SETTLE_DEADLINE_MS, LISTING_SETTLE_DEADLINE_MS]).toEqual([40, 250]);
  });
  it("resolves at once on a loaded page", async () => {
    const { win, listeners } = fakeWindow("complete");
    await pageSettled(win);
    expect(listeners.size).toBe(0);
  });
  it("resolves at the load event, before the deadline, and stops listening", async () => {
    await withFakeTimers(async (advance) => {
      const { win, fire, listeners } = fakeWindow("interactive");
      let done = false;
      void pageSettled(win, 40).then(() => (done = true));
      await advance(10);
      expect(done).toBe(false);
      fire("load");
      await advance(0);
      expect(done).toBe(true);
      expect(listeners.size).toBe(0);
    });
  });
  it("resolves at the deadline when the page keeps loading", async () => {
    await withFakeTimers(async (advance) => {
      const { win, listeners } = fakeWindow("interactive");
      let done = false;
      void pageSettled(win, 40).then(() => (done = true));
      await advance(39);
      expect(done).toBe(false);
      await advance(1);
      expect(done).toBe(true);
      expect(listeners.size).toBe(0);
    });
  });
});
