import { readFileSync } from "node:fs";
import { resolve, sep } from "node:path";
import type { ReadAsset } from "./checkManifest";

/** Reads assets from the add-in's web root on disk, e.g. "assets/icon-32.png" under `rootDir`. */
export function diskAssets(rootDir: string): ReadAsset {
  const root = resolve(rootDir);
  return (relativePath) => {
    const file = resolve(root, relativePath);
    // A URL path cannot climb out of the web root, so neither may the file it maps to.
    if (!file.startsWith(root + sep)) return undefined;
    try {
      return readFileSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  };
}
