import "@testing-library/jest-dom";

// jsdom lacks ResizeObserver, matchMedia and scrollIntoView, which Fluent UI's MessageBar, motion
// hooks and focus handling call. Inert stand-ins: layout never changes in jsdom, and no test asserts on them.
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
  if (typeof Element.prototype.scrollIntoView !== "function") {
    Element.prototype.scrollIntoView = () => undefined;
  }
}
