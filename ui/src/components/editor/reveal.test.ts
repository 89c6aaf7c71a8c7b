import type { Viewport } from '@xyflow/react';
import { describe, expect, it } from 'vitest';

import { READABLE_ZOOM, revealViewport } from './reveal';
import type { Rect } from './viewWindow';

const canvas = { width: 880, height: 520 };
/** A step box (layout units), the size the layout gives a task. */
const step = (x: number, y: number): Rect => ({ x, y, width: 160, height: 64 });

/** Where a box lands on the canvas under a view. */
function onScreen(b: Rect, v: Viewport): Rect {
  return { x: v.x + b.x * v.zoom, y: v.y + b.y * v.zoom, width: b.width * v.zoom, height: b.height * v.zoom };
}

function visible(b: Rect, v: Viewport): boolean {
  const s = onScreen(b, v);
  return s.x >= 0 && s.y >= 0 && s.x + s.width <= canvas.width && s.y + s.height <= canvas.height;
}

describe('bringing steps into view', () => {
  it('leaves the view alone when the steps are already in it', () => {
    const view = { x: 0, y: 0, zoom: 1 };
    expect(revealViewport([step(100, 100), step(400, 300)], { width: 3000, height: 900 }, canvas, view)).toBeNull();
  });

  it('zooms in on steps in view but too small to read', () => {
    const v = revealViewport([step(100, 100)], { width: 3000, height: 900 }, canvas, { x: 0, y: 0, zoom: 0.3 });
    expect(v!.zoom).toBe(0.8);
    expect(visible(step(100, 100), v!)).toBe(true);
  });

  it('moves when one of the steps is off the canvas, and shows them all', () => {
    const boxes = [step(100, 100), step(1200, 100)];
    const view = { x: 0, y: 0, zoom: 1 };
    const v = revealViewport(boxes, { width: 3000, height: 900 }, canvas, view);
    expect(v).not.toBeNull();
    // 1,260 units wide do not fit 832 px at the agent's zoom of 1: zoomed out just enough, and a
    // little more for the lanes' names (1,360 units from the drawing's left edge).
    expect(v!.zoom).toBeCloseTo((880 - 48) / 1360, 6);
    for (const b of boxes) expect(visible(b, v!)).toBe(true);
    // The lanes' names at the left edge.
    expect(v!.x).toBeCloseTo(24, 6);
  });

  it('keeps the first lane at the top rather than leaving an empty band above it', () => {
    // The step asked for is in the first lane of a drawing taller than the canvas: centred, it
    // would leave the upper half of the canvas empty.
    const v = revealViewport([step(400, 20)], { width: 3000, height: 900 }, canvas, { x: -2000, y: -300, zoom: 1 });
    expect(v).toEqual({ x: 24, y: 24, zoom: 1 });
  });

  it('shows the lanes\' names with the steps only when that costs little zoom', () => {
    // A step far along the drawing: its lane's name would need a zoom of 0.38; the step is
    // centred at the agent's zoom instead.
    const v = revealViewport([step(2000, 400)], { width: 3000, height: 900 }, canvas, { x: 0, y: 0, zoom: 1 });
    expect(v).toEqual({ x: 440 - 2080, y: 260 - 432, zoom: 1 });
  });

  it('keeps the last column at the right edge of the canvas', () => {
    const v = revealViewport([step(2850, 400)], { width: 3000, height: 900 }, canvas, { x: 0, y: 0, zoom: 1 });
    expect(v!.x).toBe(880 - 24 - 3000);
    expect(visible(step(2850, 400), v!)).toBe(true);
  });

  it('centres a drawing that fits the canvas on that axis', () => {
    // 300 units tall at 0.8 is 240 px: centred in 520.
    const v = revealViewport([step(2000, 100)], { width: 3000, height: 300 }, canvas, { x: 0, y: 0, zoom: 0.5 });
    expect(v!.zoom).toBe(0.8);
    expect(v!.y).toBeCloseTo((520 - 240) / 2, 6);
  });

  it.each([
    // The agent's zoom is kept between 0.8 and 1.
    [1.5, 1],
    [0.9, 0.9],
    [0.3, 0.8],
  ])('at the zoom of %d, reveals at %d', (zoom, expected) => {
    const v = revealViewport([step(2000, 400)], { width: 3000, height: 900 }, canvas, { x: 0, y: 0, zoom });
    expect(v!.zoom).toBe(expected);
  });

  it('shows the first step alone, readable, when the steps are too far apart to show together', () => {
    const first = step(100, 400);
    const v = revealViewport([first, step(5000, 400)], { width: 6000, height: 900 }, canvas, { x: -3000, y: 0, zoom: 1 });
    expect(v!.zoom).toBe(1);
    expect(v!.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
    expect(visible(first, v!)).toBe(true);
  });

  it('does nothing without steps or before the canvas is measured', () => {
    expect(revealViewport([], { width: 3000, height: 900 }, canvas, { x: 0, y: 0, zoom: 1 })).toBeNull();
    expect(revealViewport([step(0, 0)], { width: 300, height: 90 }, { width: 0, height: 0 }, { x: 0, y: 0, zoom: 1 })).toBeNull();
  });
});
