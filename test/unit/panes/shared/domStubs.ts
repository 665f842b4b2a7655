/**
 * What Fluent UI expects from a browser and jsdom lacks. Import once at the top of a pane test
 * (after the jsdom docblock); every stub is installed only where the API is missing.
 */

if (typeof window.matchMedia !== "function") {
  // Fluent's motion reads prefers-reduced-motion; report "no preference" and never change.
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (typeof globalThis.ResizeObserver !== "function") {
  // MessageBar's reflow watches its own size; in jsdom nothing ever resizes.
  globalThis.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

if (typeof Element.prototype.scrollIntoView !== "function") {
  Element.prototype.scrollIntoView = () => undefined;
}

export {};
