// User Timing measures read by bench/extension_bench.py: mpcheck:extract, mpcheck:evaluate and
// mpcheck:render are synchronous main-thread work; mpcheck:paint runs from the start of rendering
// to the next animation frame (when the badge can first be painted). Content scripts share the page's Performance timeline, so the page
// (and the bench) can read our measures; names carry no page data.
export function timed<T>(name: string, work: () => T): T {
  const start = `${name}:start`;
  performance.mark(start);
  try {
    return work();
  } finally {
    try {
      performance.measure(name, start);
    } catch {
      // A page that overrides performance.* must not break the badge.
    }
  }
}

/** Measures from the start mark to the next frame, i.e. until the badge can be painted. */
export function measureUntilPaint(name: string): void {
  const start = `${name}:start`;
  performance.mark(start);
  requestAnimationFrame(() => {
    try {
      performance.measure(name, start);
    } catch {
      // see timed()
    }
  });
}
