import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { ICON_SIZES, drawLogo } from "../../../scripts/make-icons";

const assets = join(__dirname, "..", "..", "..", "assets");

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
}

describe("the logo", () => {
  it.each(ICON_SIZES)("assets/icon-%i.png is what scripts/make-icons.ts draws", (size) => {
    const committed = PNG.sync.read(readFileSync(join(assets, `icon-${size}.png`)));
    const drawn = drawLogo(size);
    expect([committed.width, committed.height]).toEqual([size, size]);
    // Compared as pixels, not bytes: another zlib may compress the same image differently.
    expect(Buffer.compare(committed.data, drawn.data)).toBe(0);
  });

  it.each(ICON_SIZES)("at %i px: transparent corners, a blue tile, a white mark", (size) => {
    const png = drawLogo(size);
    const at = (units: number): number => Math.floor((units / 16) * size);
    // The corner pixel is outside the rounding but for a sliver of antialiasing at 16 px.
    expect(pixel(png, 0, 0)[3]).toBeLessThan(8);
    expect(pixel(png, size - 1, size - 1)[3]).toBeLessThan(8);
    const [r, g, b, a] = pixel(png, at(1.5), at(8)); // The tile, left of the mark.
    expect(a).toBe(255);
    expect(b).toBeGreaterThan(r + 100);
    expect(b).toBeGreaterThan(g);
    expect(pixel(png, at(6), at(8))).toEqual([255, 255, 255, 255]); // A vertical bar of the "#".
    expect(pixel(png, at(8), at(8))[0]).toBeLessThan(100); // The hole in the middle of the "#".
  });

  it("smooths its rounded corners (some pixels partly covered)", () => {
    const png = drawLogo(32);
    const alphas = new Set<number>();
    for (let x = 0; x < 6; x++) alphas.add(pixel(png, x, 0)[3]);
    expect([...alphas].some((a) => a > 0 && a < 255)).toBe(true);
  });
});
