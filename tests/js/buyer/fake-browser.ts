// An in-memory stand-in for the WebExtension storage.local + onChanged, installed as globalThis.chrome
// so the modules that go through ext() run unchanged in vitest.
type Listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

export function installFakeBrowser(): { data: Map<string, unknown>; sent: unknown[] } {
  const data = new Map<string, unknown>();
  const listeners = new Set<Listener>();
  const sent: unknown[] = [];
  const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  const notify = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
    for (const l of listeners) l(changes, "local");
  };
  const local = {
    async get(keys: string | string[] | null) {
      const wanted = keys === null ? [...data.keys()] : typeof keys === "string" ? [keys] : keys;
      return Object.fromEntries(wanted.filter((k) => data.has(k)).map((k) => [k, clone(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      const changes: Record<string, { oldValue?: unknown; newValue?: unknown }> = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: clone(v) };
        data.set(k, clone(v));
      }
      notify(changes);
    },
    async remove(keys: string | string[]) {
      const changes: Record<string, { oldValue?: unknown }> = {};
      for (const k of typeof keys === "string" ? [keys] : keys) {
        if (!data.has(k)) continue;
        changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      notify(changes);
    },
  };
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: { id: "test", sendMessage: async (msg: unknown) => (sent.push(msg), undefined) },
    storage: {
      local,
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
  return { data, sent };
}
