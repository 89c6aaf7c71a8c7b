import { describe, expect, it } from 'vitest';

import { initialViewport } from './Canvas';

describe('initial viewport', () => {
  it.each([
    // A small procedure is centred at full size.
    [[500, 200, 1000, 600], { x: 250, y: 200, zoom: 1 }],
    // A wide one that fits at a readable size is shown whole.
    [[1500, 300, 1000, 600], { x: 12, y: 300 - (300 * 976) / 1500 / 2, zoom: 976 / 1500 }],
    // A long one opens on its beginning at the smallest readable zoom, its lanes at the top.
    [[6000, 400, 1000, 600], { x: 12, y: 12, zoom: 0.6 }],
    // A tall one too: its first lanes at the top.
    [[800, 3000, 1000, 600], { x: 12, y: 12, zoom: 0.6 }],
  ])('%j → %j', ([w, h, bw, bh], expected) => {
    const v = initialViewport(w as number, h as number, bw as number, bh as number);
    expect(v.zoom).toBeCloseTo(expected.zoom, 6);
    expect(v.x).toBeCloseTo(expected.x, 6);
    expect(v.y).toBeCloseTo(expected.y, 6);
  });
});
