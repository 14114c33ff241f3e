// Grid clustering in screen space: positioned marks that fall in the same cell of a square grid
// over the drawing become one count. The grid is laid over the pixels of the view being drawn, so
// a count splits as the reader zooms in (its events move further apart on screen). Every item
// lands in exactly one cell: nothing is lost or drawn twice.

export interface Positioned {
  x: number;
  y: number;
}

export interface Cluster<T extends Positioned> {
  /** Mean position of its items, where the count is drawn. */
  x: number;
  y: number;
  items: T[];
}

/**
 * Cells of `cell` pixels; at 44 px a 1000 × 500 drawing has at most 23 × 12 = 276 cells, which keeps
 * clusters plus country shapes plus arrows under the ~500 mark budget however many events there are.
 */
export function clusterByGrid<T extends Positioned>(items: T[], cell = 44): Cluster<T>[] {
  const cells = new Map<number, Cluster<T>>();
  for (const item of items) {
    // One number per cell (columns are far fewer than 2^20), cheaper to hash than a string.
    const key = Math.floor(item.x / cell) * 1_048_576 + Math.floor(item.y / cell);
    const c = cells.get(key);
    if (c) {
      c.items.push(item);
      c.x += item.x;
      c.y += item.y;
    } else cells.set(key, { x: item.x, y: item.y, items: [item] });
  }
  const out = [...cells.values()];
  for (const c of out) {
    c.x /= c.items.length;
    c.y /= c.items.length;
  }
  return out;
}
