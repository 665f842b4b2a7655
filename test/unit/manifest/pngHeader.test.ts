import { PNG } from "pngjs";
import { readPngHeader } from "../../../tools/manifest/pngHeader";

function pngOf(width: number, height: number): Uint8Array {
  return PNG.sync.write(new PNG({ width, height }));
}

describe("readPngHeader", () => {
  it.each([
    [16, 16],
    [80, 80],
    [300, 7],
  ])("reads %i×%i from the IHDR chunk", (width, height) => {
    expect(readPngHeader(pngOf(width, height))).toEqual({ kind: "png", width, height });
  });

  it("reads a PNG that sits inside a larger buffer", () => {
    const bytes = pngOf(32, 32);
    const padded = new Uint8Array(bytes.length + 10);
    padded.set(bytes, 10);
    expect(readPngHeader(padded.subarray(10))).toEqual({ kind: "png", width: 32, height: 32 });
  });

  it.each([
    ["an empty file", new Uint8Array(0), "it does not start with the PNG signature"],
    ["a GIF", new TextEncoder().encode("GIF89a\u0010\u0000\u0010\u0000"), "it does not start with the PNG signature"],
    ["a PNG cut short", pngOf(16, 16).subarray(0, 20), "it ends before its IHDR header"],
  ])("rejects %s", (_name, bytes, reason) => {
    expect(readPngHeader(bytes)).toEqual({ kind: "not-png", reason });
  });

  it("rejects a PNG whose first chunk is not IHDR", () => {
    const bytes = pngOf(16, 16).slice();
    bytes.set(new TextEncoder().encode("IDAT"), 12);
    expect(readPngHeader(bytes)).toEqual({ kind: "not-png", reason: 'its first chunk is "IDAT", not IHDR' });
  });
});
