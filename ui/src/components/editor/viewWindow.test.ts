import { describe, expect, it } from 'vitest';

import type { Layout } from '../../ipc';
import { type Rect, serves, viewOf, windowAround, windowContents } from './viewWindow';

describe('view of a transform', () => {
  it.each([
    // At zoom 1 the view is the box, shifted by the pan.
    [[[-100, -50, 1], 800, 600], { x: 100, y: 50, width: 800, height: 600 }],
    // Zoomed out by half, the view covers twice the drawing.
    [[[20, 10, 0.5], 800, 600], { x: -40, y: -20, width: 1600, height: 1200 }],
    // A box not measured yet has no view.
    [[[0, 0, 1], 0, 600], null],
  ] as const)('%j → %j', ([transform, w, h], expected) => {
    expect(viewOf(transform, w, h)).toEqual(expected);
  });
});

describe('window around a view', () => {
  const view: Rect = { x: 1000, y: 500, width: 800, height: 600 };
  const win = windowAround(view);

  it('adds one view on each side', () => {
    expect(win).toEqual({ x: 200, y: -100, width: 2400, height: 1800 });
  });

  it.each([
    // Where it was made: served.
    [view, true],
    // Moved by less than half a view: still served, nothing to hand over.
    [{ ...view, x: 1390 }, true],
    [{ ...view, y: 210 }, true],
    // Moved by more: a new window is due before steps come into sight.
    [{ ...view, x: 1410 }, false],
    [{ ...view, x: 590 }, false],
    // Zoomed out to twice the size: the margins no longer hold.
    [{ x: 600, y: 200, width: 1600, height: 1200 }, false],
  ])('%j served: %s', (v, expected) => {
    expect(serves(win, v)).toBe(expected);
  });
});

/** Steps in one row, 100 wide, every 200: `s0` at x 0, `s1` at 200… */
function row(n: number, extra: Layout['edges'] = []): Layout {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    kind: 'task' as const,
    label: `Étape ${i}`,
    lane: 0,
    rank: i,
    x: i * 200,
    y: 0,
    width: 100,
    height: 50,
    fixed: false,
  }));
  const edges = nodes.slice(1).map((t, i) => ({
    id: `f${i}`,
    from: `s${i}`,
    to: t.id,
    points: [
      { x: i * 200 + 100, y: 25 },
      { x: (i + 1) * 200, y: 25 },
    ],
    back: false,
  }));
  return { width: n * 200, height: 50, lanes: [], nodes, edges: [...edges, ...extra] };
}

describe('what a window hands to React Flow', () => {
  const win: Rect = { x: 950, y: -100, width: 500, height: 300 };
  const sorted = (s: Set<string>) => [...s].sort();

  it.each([
    // The steps inside, the flows between them, and a flow crossing its edge with its far end (s4).
    [row(20), [], ['s4', 's5', 's6', 's7'], ['f4', 'f5', 'f6']],
    // The selection is kept even far away (React Flow would otherwise unselect it).
    [row(20), ['s15'], ['s15', 's4', 's5', 's6', 's7'], ['f4', 'f5', 'f6']],
    // A loop back from far ahead whose route passes under the window brings its two ends.
    [
      row(20, [
        {
          id: 'back',
          from: 's18',
          to: 's1',
          points: [
            { x: 3650, y: 50 },
            { x: 3650, y: 80 },
            { x: 250, y: 80 },
            { x: 250, y: 50 },
          ],
          back: true,
        },
      ]),
      [],
      ['s1', 's18', 's4', 's5', 's6', 's7'],
      ['back', 'f4', 'f5', 'f6'],
    ],
  ])('%#', (layout, keep, steps, flows) => {
    const got = windowContents(layout, win, new Set(keep));
    expect(sorted(got.steps)).toEqual([...steps].sort());
    expect(sorted(got.flows)).toEqual([...flows].sort());
  });
});
