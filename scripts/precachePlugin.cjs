/* eslint-disable @typescript-eslint/no-require-imports -- loaded by webpack.config.js, CommonJS */
/**
 * Writes the service worker's precache list (docs/OFFLINE.md) at the top of its script: the pane
 * pages, every file of their entry points and of the chunks they load lazily, and a version that
 * hashes their content, so a new build is a new sw.js and the browser installs it.
 * Runs after minification and after real content hashes renamed the chunks.
 */
const { createHash } = require("node:crypto");
const { Compilation, sources } = require("webpack");
const { entryFiles } = require("./entryFiles.cjs");

const NAME = "PrecachePlugin";

class PrecachePlugin {
  /** @param {{ worker: string, entries: string[], pages: string[], exclude?: RegExp[] }} options */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { worker, entries, pages, exclude = [] } = this.options;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        const files = new Set([...pages, ...entryFiles(compilation, entries, NAME)]);
        const listed = [...files].filter((file) => !file.endsWith(".map") && !exclude.some((pattern) => pattern.test(file))).sort();
        const hash = createHash("sha256");
        for (const file of listed) {
          const asset = compilation.getAsset(file);
          if (!asset) throw new Error(`${NAME}: "${file}" is not in the build.`);
          hash.update(file).update("\0").update(asset.source.buffer());
        }
        const manifest = { version: hash.digest("hex").slice(0, 16), files: listed };
        compilation.updateAsset(worker, (old) => new sources.ConcatSource(`self.__trackingTokensPrecache = ${JSON.stringify(manifest)};\n`, old));
      });
    });
  }
}

module.exports = { PrecachePlugin };
