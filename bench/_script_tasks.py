"""Main-thread tasks that run JavaScript, from a Chromium trace of one page load (SPEC §10: "no task
over 16 ms").

User Timing measures only see our own synchronous calls; a task also holds the compile of the
bundle, microtasks that resume after IPC replies, GC and the style/layout our DOM writes cause. The
trace sees all of it. The bench pages carry no scripts of their own (checked: the same
classification on the run WITHOUT the extension must find no JS task), so every task on the page's
renderer main thread that executes JavaScript is the content script's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from playwright.sync_api import BrowserContext

CATEGORIES = ["toplevel", "devtools.timeline", "v8", "v8.execute", "disabled-by-default-devtools.timeline"]
# Events that only occur while JavaScript runs (or is compiled for running).
JS_EVENTS = {"EvaluateScript", "v8.compile", "FunctionCall", "v8.callFunction", "v8.run", "RunMicrotasks"}
MIN_JS_US = 50  # an empty microtask checkpoint is a few µs; below this nothing of ours ran


def trace_load(ctx: BrowserContext, url: str, settle_ms: int = 800) -> list[dict[str, Any]]:
    """Trace events of one load of `url` in a fresh tab (the page's own CDP session). Nothing is
    asked of the page meanwhile: Playwright's locators and evaluate() run its own injected script
    in the same renderer, which the trace would count as ours."""
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    events: list[dict[str, Any]] = []
    done: list[bool] = []
    cdp.on("Tracing.dataCollected", lambda params: events.extend(params["value"]))
    cdp.on("Tracing.tracingComplete", lambda _params: done.append(True))
    try:
        config = {"includedCategories": CATEGORIES, "excludedCategories": ["*"]}
        cdp.send("Tracing.start", {"traceConfig": config, "transferMode": "ReportEvents"})
        page.goto(url, wait_until="load")
        page.wait_for_timeout(settle_ms)  # the badge and its follow-ups (IPC replies, idle slices)
        cdp.send("Tracing.end")
        for _ in range(200):
            if done:
                break
            page.wait_for_timeout(25)
    finally:
        page.close()
    return events


def _main_thread(events: list[dict[str, Any]]) -> tuple[int, int] | None:
    """The busiest CrRendererMain thread: the tab's renderer (others are idle helpers)."""
    mains = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"
    }
    counts = {m: 0 for m in mains}
    for e in events:
        key = (e.get("pid"), e.get("tid"))
        if key in counts:
            counts[key] += 1
    return max(counts, key=lambda m: counts[m]) if counts else None


def _runs_js(task: dict[str, Any], inner: Iterable[dict[str, Any]]) -> bool:
    start, end = task["ts"], task["ts"] + task.get("dur", 0)
    return any(
        start <= e["ts"] <= end and e["name"] in JS_EVENTS and e.get("dur", 0) >= MIN_JS_US for e in inner
    )


def js_tasks_ms(events: list[dict[str, Any]]) -> list[float]:
    """Durations (ms) of the top-level tasks on the page's main thread that ran JavaScript."""
    main = _main_thread(events)
    if main is None:
        return []
    mine = [e for e in events if (e.get("pid"), e.get("tid")) == main and e.get("ph") == "X"]
    js = [e for e in mine if e["name"] in JS_EVENTS]
    tasks = [e for e in mine if e["name"] == "RunTask"]
    return [t.get("dur", 0) / 1000 for t in tasks if _runs_js(t, js)]
