import { describe, expect, it } from 'vitest';

import { arrangement } from './ComparePage';

describe('where the two drawings of a comparison go', () => {
  it.each([
    // A procedure of three lanes and a dozen steps: much wider than tall, one under the other.
    [{ width: 2400, height: 400 }, { width: 2000, height: 400 }, { rows: true, aspect: 6 }],
    // Square-ish (many lanes, few steps): side by side.
    [{ width: 900, height: 800 }, { width: 700, height: 800 }, { rows: false, aspect: 900 / 800 }],
    // The box takes the larger of the two: the shorter target fits in the original's box.
    [{ width: 1600, height: 500 }, { width: 1000, height: 300 }, { rows: true, aspect: 3.2 }],
    // An empty drawing does not divide by zero.
    [{ width: 0, height: 0 }, { width: 0, height: 0 }, { rows: false, aspect: 1 }],
  ])('%j and %j → %j', (a, b, expected) => {
    const got = arrangement(a, b);
    expect(got.rows).toBe(expected.rows);
    expect(got.aspect).toBeCloseTo(expected.aspect, 9);
  });
});
