import type { Layout } from '../../ipc';

/** A rectangle in the drawing's units (the Rust layout's). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Above this many steps, React Flow is given only the part of the drawing around the view (its
 * window) instead of every step: it then walks a few hundred elements at each frame of a pan
 * rather than all of them (1,000 steps: 2.8 → about 1 ms of script a frame). Smaller procedures
 * are handed over whole, with their overview map.
 */
export const WINDOWED_ABOVE = 300;

/** The part of the drawing a view shows: a React Flow transform `[x, y, zoom]` over a box. */
export function viewOf([x, y, zoom]: readonly [number, number, number], width: number, height: number): Rect | null {
  if (!(width > 0 && height > 0 && zoom > 0)) return null;
  return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
}

/** The window around a view: the view and one more view's size on each side. */
export function windowAround(view: Rect): Rect {
  return { x: view.x - view.width, y: view.y - view.height, width: view.width * 3, height: view.height * 3 };
}

/**
 * Whether a window still serves a view: the view stays at least half a view's size inside the
 * window's edges, so steps are handed over well before they come into sight.
 */
export function serves(win: Rect, view: Rect): boolean {
  const mx = view.width / 2;
  const my = view.height / 2;
  return (
    view.x >= win.x + mx &&
    view.y >= win.y + my &&
    view.x + view.width <= win.x + win.width - mx &&
    view.y + view.height <= win.y + win.height - my
  );
}

const meets = (a: Rect, b: Rect) => a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;

/**
 * What of the drawing to hand to React Flow for a window: the steps inside it, the flows whose
 * route crosses it, and both ends of those flows (React Flow draws a flow only between steps it
 * knows, so a long loop back keeps its far end). Steps in `keep` (the selection) are always in.
 * Lanes are not listed: they span the drawing and are always handed over.
 *
 * Complexity: O(steps + route points).
 */
export function windowContents(layout: Layout, win: Rect, keep: ReadonlySet<string>): { steps: Set<string>; flows: Set<string> } {
  const steps = new Set<string>();
  for (const n of layout.nodes) {
    if (keep.has(n.id) || meets(win, n)) steps.add(n.id);
  }
  const flows = new Set<string>();
  for (const e of layout.edges) {
    if (!(steps.has(e.from) && steps.has(e.to)) && !routeMeets(e.points, win)) continue;
    flows.add(e.id);
    steps.add(e.from);
    steps.add(e.to);
  }
  return { steps, flows };
}

function routeMeets(points: readonly { x: number; y: number }[], win: Rect): boolean {
  if (points.length === 0) return false;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  return meets(win, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
}
