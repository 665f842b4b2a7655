/**
 * Draws the add-in's logo, a blue rounded tile with a white "#", at every size the manifest uses,
 * and writes assets/icon-<size>.png. Run: `npx tsx scripts/make-icons.ts`.
 *
 * The design lives on a 16-unit grid whose strokes fall on whole units, so at 16, 32, 64, 80 and
 * 128 px every straight edge lands on a pixel boundary and stays sharp; only the rounded corners
 * need antialiasing (8x8 supersampling per pixel).
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

/**
 * The sizes the manifests refer to: desktop buttons 16/32/80, IconUrl 64, HighResolutionIconUrl 128;
 * the mobile button 25/32/48 at scales 1-3 (25, 50, 75, 32, 64, 96, 48, 96, 144); the unified
 * manifest's color icon 192.
 */
export const ICON_SIZES = [16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144, 192] as const;

type Rgb = readonly [number, number, number];

/** Fluent's brand blue, lighter at the top than at the bottom. */
const TILE_TOP: Rgb = [0x1b, 0x7f, 0xd4];
const TILE_BOTTOM: Rgb = [0x0b, 0x5a, 0xa3];
const MARK: Rgb = [0xff, 0xff, 0xff];

/** The tile fills the whole canvas (as Office's own icons do), with a 3-unit corner radius. */
const CORNER_RADIUS = 3;
/** The "#": two bars each way, 2 units thick, 2 units apart, spanning units 3 to 13. */
const BARS: readonly (readonly [number, number])[] = [
  [5, 7],
  [9, 11],
];
const BAR_SPAN: readonly [number, number] = [3, 13];
const SAMPLES = 8;

function insideRoundedTile(x: number, y: number): boolean {
  if (x < 0 || y < 0 || x > 16 || y > 16) return false;
  const cx = Math.min(Math.max(x, CORNER_RADIUS), 16 - CORNER_RADIUS);
  const cy = Math.min(Math.max(y, CORNER_RADIUS), 16 - CORNER_RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER_RADIUS ** 2;
}

function within(value: number, [from, to]: readonly [number, number]): boolean {
  return value >= from && value < to;
}

function insideMark(x: number, y: number): boolean {
  const vertical = BARS.some((bar) => within(x, bar)) && within(y, BAR_SPAN);
  const horizontal = BARS.some((bar) => within(y, bar)) && within(x, BAR_SPAN);
  return vertical || horizontal;
}

/** The tile's gradient at height `t`, 0 at the top to 1 at the bottom. */
function tileColor(t: number): Rgb {
  const mix = (c: 0 | 1 | 2): number => TILE_TOP[c] + (TILE_BOTTOM[c] - TILE_TOP[c]) * t;
  return [mix(0), mix(1), mix(2)];
}

/** Draws the logo at `size` x `size` pixels, as straight (not premultiplied) RGBA. */
export function drawLogo(size: number): PNG {
  const png = new PNG({ width: size, height: size });
  const unitsPerPixel = 16 / size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let covered = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) * unitsPerPixel;
          const y = (py + (sy + 0.5) / SAMPLES) * unitsPerPixel;
          if (!insideRoundedTile(x, y)) continue;
          covered++;
          const color = insideMark(x, y) ? MARK : tileColor(y / 16);
          for (let c = 0; c < 3; c++) sum[c]! += color[c]!;
        }
      }
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) png.data[offset + c] = covered ? Math.round(sum[c]! / covered) : 0;
      png.data[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return png;
}

function main(): void {
  const assets = join(__dirname, "..", "assets");
  mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(assets, `icon-${size}.png`);
    writeFileSync(file, PNG.sync.write(drawLogo(size)));
    console.log(`wrote ${file}`);
  }
}

if (require.main === module) main();
