// Browser-side helpers over the server-rendered chart: one Tab stop for all its items (a roving
// tabindex, as in the WAI-ARIA grid and toolbar patterns) with arrow keys between them, and a
// visible tooltip for the item under the pointer or the focus. Plain DOM, so the chart's markup
// stays server-rendered and the client bundle stays small.

const ITEMS = "svg.timeline-svg a";

export const itemOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? (target.closest(ITEMS) as HTMLElement | null) : null;

/** Leaves exactly one item in the Tab order: the preferred one if present, else the first. */
export function rove(frame: HTMLElement, preferred?: string | null) {
  const items = [...frame.querySelectorAll<HTMLElement>(ITEMS)];
  const current =
    (preferred && items.find((a) => a.dataset.id === preferred || a.getAttribute("href") === preferred)) || items[0];
  for (const a of items) a.setAttribute("tabindex", a === current ? "0" : "-1");
}

const centre = (el: Element) => {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
};

/**
 * The item an arrow key moves to: Left/Right the previous/next in the lane (lanes list their
 * items in time order), Home/End the lane's first/last, Up/Down the nearest in time in the lane
 * above/below. Null for any other key or at an edge.
 */
export function itemForKey(item: HTMLElement, key: string): HTMLElement | null {
  const lane = item.closest("[data-lane]");
  if (!lane) return null;
  const inLane = [...lane.querySelectorAll<HTMLElement>("a")];
  const i = inLane.indexOf(item);
  if (key === "ArrowRight") return inLane[i + 1] ?? null;
  if (key === "ArrowLeft") return inLane[i - 1] ?? null;
  if (key === "Home") return inLane[0] ?? null;
  if (key === "End") return inLane[inLane.length - 1] ?? null;
  if (key !== "ArrowUp" && key !== "ArrowDown") return null;
  const lanes = [...(lane.parentElement?.querySelectorAll("[data-lane]") ?? [])];
  const target = lanes[lanes.indexOf(lane) + (key === "ArrowDown" ? 1 : -1)];
  if (!target) return null;
  const x = centre(item).x;
  let best: HTMLElement | null = null;
  for (const a of target.querySelectorAll<HTMLElement>("a"))
    if (!best || Math.abs(centre(a).x - x) < Math.abs(centre(best).x - x)) best = a;
  return best;
}

/** Moves focus (and the single Tab stop) to `next`. */
export function moveTo(frame: HTMLElement, next: HTMLElement) {
  for (const a of frame.querySelectorAll(ITEMS)) a.setAttribute("tabindex", a === next ? "0" : "-1");
  next.focus();
}

/** Shows the item's title, date and type beside it, kept inside the frame. */
export function showTip(tip: HTMLElement, frame: HTMLElement, item: HTMLElement) {
  const [title, date, type] = tip.children;
  title.textContent = item.dataset.title ?? "";
  date.textContent = item.dataset.date ?? "";
  type.textContent = item.dataset.type ?? "";
  tip.hidden = false;
  const f = frame.getBoundingClientRect();
  const r = item.getBoundingClientRect();
  const left = Math.min(Math.max(0, r.left - f.left), Math.max(0, f.width - tip.offsetWidth));
  // Below the item, or above it when the item sits in the lower half of the chart.
  const below = r.bottom - f.top + 6;
  const top = below + tip.offsetHeight > f.height ? Math.max(0, r.top - f.top - tip.offsetHeight - 6) : below;
  tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
}
