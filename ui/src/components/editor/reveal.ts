// Where the canvas moves to show steps the agent asked for (a finding's steps, or a step found by
// name): a pure function of the steps' boxes, the drawing's size, the canvas's size and the
// current view, so that it is tested without a browser.

import type { Viewport } from '@xyflow/react';

import type { Rect } from './viewWindow';

/** Screen pixels kept free around what is shown. */
const MARGIN = 24;
/** A step brought into view is shown at least this large (or as large as the agent had it, up to 1). */
const REVEAL_ZOOM = 0.8;
/** Below this zoom labels are too small to read: past it, only the first step is shown. */
export const READABLE_ZOOM = 0.6;
/**
 * The lanes' names are shown with the steps (the header column at the drawing's left, 120 units
 * wide as the layout's `lane_header` and the lane name's CSS) when that keeps at least this share
 * of the zoom: which lane a step is in is half of what the agent is looking for.
 */
const NAMES_ZOOM_SHARE = 0.75;
export const LANE_HEADER = 120;

export interface Size {
  width: number;
  height: number;
}

function union(boxes: readonly Rect[]): Rect {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
}

/** Whether `box` (layout units) lies inside the view, `MARGIN` pixels from its edges. */
function inView(box: Rect, view: Viewport, canvas: Size): boolean {
  const left = view.x + box.x * view.zoom;
  const top = view.y + box.y * view.zoom;
  return (
    left >= MARGIN &&
    top >= MARGIN &&
    left + box.width * view.zoom <= canvas.width - MARGIN &&
    top + box.height * view.zoom <= canvas.height - MARGIN
  );
}

/**
 * The translation along one axis that puts `centre` (layout units) mid-canvas, then keeps the
 * drawing (`0..size`) on the canvas: a drawing that fits is centred whole, one that does not
 * fills the canvas to its edges rather than leaving an empty band beside its first or last lane.
 */
function place(centre: number, size: number, canvas: number, zoom: number): number {
  const drawn = size * zoom;
  if (drawn + 2 * MARGIN <= canvas) return (canvas - drawn) / 2;
  const t = canvas / 2 - centre * zoom;
  return Math.min(MARGIN, Math.max(canvas - MARGIN - drawn, t));
}

/**
 * The view that shows `boxes` (the steps, in the order they matter: the first is kept in view
 * when they cannot all be), or `null` when they are all in view already at a readable size: the
 * canvas does not move under the agent's eyes for nothing.
 *
 * The zoom is the agent's (at least `REVEAL_ZOOM`, at most 1), lowered to show every box, but not
 * below `READABLE_ZOOM`: boxes too far apart for that are not shown together, the first alone is.
 * The lanes' names come into view with them when that costs little zoom (`NAMES_ZOOM_SHARE`).
 */
export function revealViewport(boxes: readonly Rect[], drawing: Size, canvas: Size, view: Viewport): Viewport | null {
  const first = boxes[0];
  if (!first || canvas.width <= 0 || canvas.height <= 0) return null;
  const all = union(boxes);
  if (view.zoom >= READABLE_ZOOM && inView(all, view, canvas)) return null;
  // The largest zoom at which a box fits the canvas.
  const fitting = (b: Rect) => Math.min((canvas.width - 2 * MARGIN) / b.width, (canvas.height - 2 * MARGIN) / b.height);
  const wanted = Math.min(Math.max(view.zoom, REVEAL_ZOOM), 1);
  const together = fitting(all) >= READABLE_ZOOM;
  let shown = together ? all : first;
  let zoom = together ? Math.min(wanted, fitting(all)) : wanted;
  // The same, widened to the lanes' names at the drawing's left.
  const named = union([shown, { x: 0, y: shown.y, width: Math.min(LANE_HEADER, drawing.width), height: shown.height }]);
  const namedZoom = Math.min(zoom, fitting(named));
  if (namedZoom >= zoom * NAMES_ZOOM_SHARE && namedZoom >= READABLE_ZOOM) {
    shown = named;
    zoom = namedZoom;
  }
  return {
    x: place(shown.x + shown.width / 2, drawing.width, canvas.width, zoom),
    y: place(shown.y + shown.height / 2, drawing.height, canvas.height, zoom),
    zoom,
  };
}
