import { numberingMode } from "../../../src/core";

describe("numberingMode", () => {
  it("is standalone without a Service URL, blank counting as none", () => {
    expect(numberingMode("")).toEqual({ kind: "standalone" });
    expect(numberingMode("   ")).toEqual({ kind: "standalone" });
  });

  it("names the service's URL when one is set", () => {
    expect(numberingMode("https://tracking.example.com")).toEqual({ kind: "service", url: "https://tracking.example.com" });
  });
});
