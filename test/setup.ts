import "@testing-library/jest-dom";

// jsdom lacks ResizeObserver and matchMedia, which Fluent UI's MessageBar and motion hooks call.
// Inert stand-ins: layout never changes in jsdom, and no test asserts on either.
if (typeof window !== "undefined") {
  if (!("ResizeObserver" in window)) {
    class InertResizeObserver {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.assign(window, { ResizeObserver: InertResizeObserver });
  }
  if (typeof window.matchMedia !== "function") {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
}
