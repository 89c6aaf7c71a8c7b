// What React Flow needs from a browser and jsdom lacks: element sizes, ResizeObserver and
// DOMMatrixReadOnly (React Flow's own testing guide lists these). Nodes then measure as
// 160 × 64, which is enough to render them and their edges, and a canvas as 1000 × 600 (what
// React Flow culls against: a step off that view is not in the page, as in the app).

class ResizeObserverShim {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyShim {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

export function shimReactFlow(): void {
  globalThis.ResizeObserver = ResizeObserverShim as unknown as typeof ResizeObserver;
  (globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly = DOMMatrixReadOnlyShim;
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('react-flow__renderer') ? 600 : 64;
      },
    },
    offsetWidth: {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('react-flow__renderer') ? 1000 : 160;
      },
    },
    clientHeight: { configurable: true, get: () => 600 },
    clientWidth: { configurable: true, get: () => 1000 },
  });
  (SVGElement.prototype as unknown as { getBBox: () => DOMRect }).getBBox = () =>
    ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
}
