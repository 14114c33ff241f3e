"use client";
// The timeline's only JavaScript. The chart and panel arrive as server-rendered markup; this adds
// zoom and pan (Ctrl/pinch + wheel, drag, swipe, two-finger pinch, + - ← → on the chart), arrow
// keys between items, a tooltip, and in-page opening of details with focus moved to them. Each
// gesture ends in a new URL that the server renders, so the browser never holds the data set.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";
import { MIN_WINDOW_MS, windowBounds } from "@/lib/timeline/window";
import { itemForKey, itemOf, moveTo, rove, showTip } from "./chart-dom";

type Props = {
  startMs: number;
  endMs: number;
  /** The current URL, selection included, whose start/end each gesture replaces. */
  baseHref: string;
  /** Share of the chart's width left of the plot (lane names), and the plot's share. */
  gutter: number;
  plot: number;
  selected?: string;
  /** The chart's SVG markup, built on the server (timeline-svg.ts). */
  chartSvg: string;
  panel: React.ReactNode;
};

export function TimelineGestures({ startMs, endMs, baseHref, gutter, plot, selected, chartSvg, panel }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const frame = useRef<HTMLDivElement>(null);
  const tip = useRef<HTMLDivElement>(null);
  const layout = useRef<HTMLDivElement>(null);
  // Where focus goes once the next view has rendered: the details panel, the chart's first item
  // (after a count was split by keyboard), or an item by id (after the panel was closed).
  const focusNext = useRef<"panel" | "first" | { id: string } | null>(null);
  const pointers = useRef(new Map<number, number>());
  const gesture = useRef<{ x0: number; spread0: number; moved: boolean } | null>(null);
  // A drag ends with a click on whatever lies under the pointer; that click must not open it.
  const dragged = useRef(false);
  const wheel = useRef<{ s: number; e: number; timer?: ReturnType<typeof setTimeout> } | null>(null);

  const navigate = (href: string) => startTransition(() => router.push(href, { scroll: false }));
  const go = (s: number, e: number) => {
    if (e - s < MIN_WINDOW_MS) [s, e] = [(s + e) / 2 - MIN_WINDOW_MS / 2, (s + e) / 2 + MIN_WINDOW_MS / 2];
    const { start, end } = windowBounds(s, e);
    const url = new URL(baseHref, "http://x");
    url.searchParams.set("start", start);
    url.searchParams.set("end", end);
    navigate(`${url.pathname}${url.search}`);
  };
  const zoomed = (s: number, e: number, factor: number, at: number) => {
    const pivot = s + (e - s) * at;
    return [pivot - (pivot - s) * factor, pivot + (e - pivot) * factor] as const;
  };
  const zoom = (factor: number, at = 0.5) => go(...zoomed(startMs, endMs, factor, at));
  const pan = (fraction: number) => go(startMs + (endMs - startMs) * fraction, endMs + (endMs - startMs) * fraction);
  const plotFraction = (clientX: number) => {
    const r = frame.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, ((clientX - r.left) / r.width - gutter) / plot));
  };

  // After every render: one Tab stop among the items, and focus where the last action sent it.
  useEffect(() => {
    // While the next view loads, the old markup is still there and is about to be replaced.
    if (!frame.current || pending) return;
    const want = focusNext.current;
    const active = itemOf(document.activeElement);
    rove(
      frame.current,
      typeof want === "object" && want ? want.id : (active?.dataset.id ?? active?.getAttribute("href") ?? selected),
    );
    const target =
      want === "panel"
        ? layout.current?.querySelector<HTMLElement>("aside")
        : want === "first"
          ? frame.current.querySelector<HTMLElement>('svg a[tabindex="0"]')
          : want
            ? frame.current.querySelector<HTMLElement>(`a[data-id="${CSS.escape(want.id)}"]`)
            : null;
    // The target may not be there yet while the next view is still loading: try again next render.
    if (target) {
      target.focus();
      focusNext.current = null;
    }
  });

  // New markup replaces every item, and a removed item never reports a blur: drop its tooltip.
  useEffect(() => tip.current?.setAttribute("hidden", ""), [chartSvg]);

  // Wheel listeners must not be passive to keep the page from scrolling while zooming; only
  // Ctrl+wheel (and trackpad pinch, which browsers report as such) zooms and a sideways wheel
  // pans, so a reader scrolling an article past an embedded timeline is never trapped.
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const onWheel = (ev: WheelEvent) => {
      const sideways = Math.abs(ev.deltaX) > Math.abs(ev.deltaY);
      if (!ev.ctrlKey && !sideways) return;
      ev.preventDefault();
      const w = (wheel.current ??= { s: startMs, e: endMs });
      const span = w.e - w.s;
      if (sideways) [w.s, w.e] = [w.s + span * (ev.deltaX / el.clientWidth), w.e + span * (ev.deltaX / el.clientWidth)];
      else [w.s, w.e] = zoomed(w.s, w.e, Math.min(2, Math.max(0.5, 2 ** (ev.deltaY / 150))), plotFraction(ev.clientX));
      clearTimeout(w.timer);
      // One navigation per gesture, not one per wheel event.
      w.timer = setTimeout(() => {
        wheel.current = null;
        go(w.s, w.e);
      }, 180);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  });

  const spread = () => {
    const xs = [...pointers.current.values()];
    return xs.length > 1 ? Math.abs(xs[0] - xs[1]) : 0;
  };
  const svg = () => frame.current?.querySelector<SVGElement>("svg");

  return (
    <div
      className="timeline-layout"
      ref={layout}
      onClickCapture={(ev) => {
        if (!dragged.current) return;
        dragged.current = false;
        ev.preventDefault();
        ev.stopPropagation();
      }}
      onClick={(ev) => {
        // Items and the panel's close link load the next view in place instead of a whole page.
        const a = (ev.target as Element).closest("a");
        // getAttribute, not .target: on an SVG <a> that property is an object, always truthy.
        if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey || a.getAttribute("target"))
          return;
        const item = itemOf(a);
        if (!item && !a.dataset.close) return;
        ev.preventDefault();
        // detail is 0 for a click made with the keyboard: only then does focus follow the view.
        focusNext.current = item?.dataset.id
          ? "panel"
          : a.dataset.close
            ? { id: a.dataset.close }
            : ev.detail === 0
              ? "first"
              : null;
        navigate(a.getAttribute("href")!);
      }}
      onKeyDown={(ev) => {
        if (ev.key !== "Escape") return;
        const close = layout.current?.querySelector<HTMLAnchorElement>("a[data-close]");
        if (tip.current && !tip.current.hidden) tip.current.hidden = true;
        else if (close) {
          ev.preventDefault();
          close.click();
        }
      }}
    >
      <div
        ref={frame}
        className={`timeline-frame${pending ? " pending" : ""}`}
        tabIndex={0}
        aria-busy={pending}
        aria-label="Timeline chart. Plus and minus zoom, left and right arrows move in time; Tab goes to the events, where arrow keys move between them."
        onKeyDown={(ev) => {
          const item = itemOf(ev.target);
          const next = item && itemForKey(item, ev.key);
          const keys: Record<string, () => void> = {
            "+": () => zoom(0.5),
            "=": () => zoom(0.5),
            "-": () => zoom(2),
            ArrowLeft: () => pan(-0.25),
            ArrowRight: () => pan(0.25),
          };
          // On an item, arrows move between items; on the chart itself they move in time.
          const act = next
            ? () => moveTo(frame.current!, next)
            : keys[ev.key] && (!item || ev.key.length === 1)
              ? keys[ev.key]
              : null;
          if (act) {
            ev.preventDefault();
            act();
          }
        }}
        onFocus={(ev) => {
          const item = itemOf(ev.target);
          if (item && tip.current) showTip(tip.current, frame.current!, item);
        }}
        onBlur={() => tip.current?.setAttribute("hidden", "")}
        onMouseOver={(ev) => {
          const item = itemOf(ev.target);
          if (item && tip.current) showTip(tip.current, frame.current!, item);
        }}
        onMouseLeave={() => tip.current?.setAttribute("hidden", "")}
        onPointerDown={(ev) => {
          dragged.current = false;
          pointers.current.set(ev.pointerId, ev.clientX);
          gesture.current = { x0: ev.clientX, spread0: spread(), moved: false };
        }}
        onPointerMove={(ev) => {
          const g = gesture.current;
          if (!g || !pointers.current.has(ev.pointerId)) return;
          pointers.current.set(ev.pointerId, ev.clientX);
          if (!g.moved && Math.abs(ev.clientX - g.x0) > 6) {
            g.moved = true;
            frame.current!.setPointerCapture(ev.pointerId);
          }
          // A preview while dragging; the new view replaces it when the pointer lifts.
          const s = svg();
          if (g.moved && s && pointers.current.size === 1) s.style.transform = `translateX(${ev.clientX - g.x0}px)`;
        }}
        onPointerUp={(ev) => {
          const g = gesture.current;
          const r = frame.current!.getBoundingClientRect();
          const pinch = g && g.spread0 > 0 ? g.spread0 / Math.max(1, spread()) : 0;
          const mid = [...pointers.current.values()].reduce((a, b) => a + b, 0) / pointers.current.size;
          pointers.current.clear();
          gesture.current = null;
          svg()?.style.removeProperty("transform");
          if (!g?.moved) return;
          dragged.current = true;
          if (pinch) zoom(Math.min(4, Math.max(0.25, pinch)), plotFraction(mid));
          else pan(-(ev.clientX - g.x0) / (r.width * plot));
        }}
        onPointerCancel={() => {
          pointers.current.clear();
          gesture.current = null;
          svg()?.style.removeProperty("transform");
        }}
      >
        <div dangerouslySetInnerHTML={{ __html: chartSvg }} />
        <div ref={tip} className="timeline-tip" aria-hidden="true" hidden>
          <strong />
          <span />
          <span />
        </div>
      </div>
      {panel}
    </div>
  );
}
