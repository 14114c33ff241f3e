"use client";
// The only JavaScript the timeline sends: wheel to zoom, drag or swipe to pan, and + - ← →
// on the focused chart. Each gesture ends in a new URL, which the server renders; the links
// beside the chart do the same without JavaScript.
import { useRouter } from "next/navigation";
import { useRef } from "react";

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

export function TimelineGestures({ startMs, endMs, baseHref, children }: { startMs: number; endMs: number; baseHref: string; children: React.ReactNode }) {
  const router = useRouter();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const go = (s: number, e: number) => {
    if (e - s < 7 * DAY) return; // a week is the closest view
    const url = new URL(baseHref, "http://x");
    url.searchParams.set("start", iso(s));
    url.searchParams.set("end", iso(e));
    router.push(`${url.pathname}${url.search}`, { scroll: false });
  };
  const w = endMs - startMs;
  const zoom = (factor: number, at = 0.5) => go(startMs + w * at * (1 - factor), startMs + w * at * (1 - factor) + w * factor);
  const pan = (fraction: number) => go(startMs + w * fraction, endMs + w * fraction);

  return (
    <div
      className="timeline-frame"
      tabIndex={0}
      aria-label="Timeline chart. Plus and minus zoom, left and right arrows move in time; Tab reaches each event."
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        const actions: Record<string, () => void> = { "+": () => zoom(0.5), "=": () => zoom(0.5), "-": () => zoom(2), ArrowLeft: () => pan(-0.25), ArrowRight: () => pan(0.25) };
        if (actions[e.key]) {
          e.preventDefault();
          actions[e.key]();
        }
      }}
      onWheel={(e) => {
        if (!e.ctrlKey && Math.abs(e.deltaY) < Math.abs(e.deltaX)) return;
        const rect = e.currentTarget.getBoundingClientRect();
        zoom(e.deltaY < 0 ? 0.5 : 2, Math.min(1, Math.max(0, (e.clientX - rect.left) / rect.width)));
      }}
      onPointerDown={(e) => {
        drag.current = { x: e.clientX, width: e.currentTarget.getBoundingClientRect().width };
      }}
      onPointerUp={(e) => {
        const d = drag.current;
        drag.current = null;
        if (d && Math.abs(e.clientX - d.x) > 20) pan(-(e.clientX - d.x) / d.width);
      }}
    >
      {children}
    </div>
  );
}
