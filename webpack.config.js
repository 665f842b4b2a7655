/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads a CommonJS config */
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { PrecachePlugin } = require("./scripts/precachePlugin.cjs");

/** Microsoft supports Office.js only from its CDN; shipped pages load it from there. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The playground's pages load the same pane bundles with the fake Office instead. */
const FAKE_OFFICE_JS = "fake-office.js";

/**
 * The send handler's layer: its modules (ours and idb) are compiled a second time, to ES2016, because
 * classic Outlook on Windows before Version 2403 runs ES2016 only in its JavaScript-only runtime
 * (docs/AUTO-STAMP.md). The panes keep ES2022. A layer keeps it one compilation, one config.
 */
const HANDLER_LAYER = "handler-es2016";
const HANDLER_ENTRY = path.resolve(__dirname, "src/commands/index.ts");
/** The same handler for commands.html (browser runtimes), over IndexedDB (src/commands/web.ts). */
const HANDLER_WEB_ENTRY = path.resolve(__dirname, "src/commands/web.ts");

/** The URL of commands.js that classic Outlook loads (manifest.xml's CommandsScript.Url). */
function handlerScriptUrl() {
  const manifest = fs.readFileSync(path.join(__dirname, "manifest.xml"), "utf8");
  const url = /<bt:Url id="CommandsScript\.Url" DefaultValue="([^"]+)"/.exec(manifest)?.[1];
  if (!url) throw new Error("manifest.xml has no bt:Url with id CommandsScript.Url: the well-known file needs it.");
  return url;
}

/**
 * /.well-known/microsoft-officeaddins-allowed.json on the add-in's origin lists the JavaScript files
 * allowed to make CORS requests and get tokens from the JavaScript-only runtime (Microsoft: "Use SSO
 * or CORS in your event-based Outlook add-in"). Made from manifest.xml, so it follows the origin.
 */
class OfficeAddinsAllowedPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("OfficeAddinsAllowedPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "OfficeAddinsAllowedPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(path.join(__dirname, "manifest.xml"));
        const allowed = { allowed: [handlerScriptUrl()] };
        compilation.emitAsset(".well-known/microsoft-officeaddins-allowed.json", new RawSource(`${JSON.stringify(allowed, null, 2)}\n`));
      });
    });
  }
}

/**
 * The playground on Microsoft's office.js (?office=microsoft, src/playground/outlookHost/README.md):
 * the package's files it loads, copied beside its pane pages, and MicrosoftAjax.js's stand-in.
 */
const OFFICE_JS_DIST = "node_modules/@microsoft/office-js/dist";
const OFFICE_JS_FOLDER = "playground/office-js";
const OFFICE_JS_FILES = ["office.js", "o15apptofilemappingtable.js", "outlook-web-16.01.js", "en-us/office_strings.js", "en-us/outlook_strings.js", "telemetry/oteljs_agave.js"];

/** Microsoft's pane pages: office.js runs after the stand-in (the template's script) and before the deferred bundle. */
class OfficeJsScriptPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsScriptPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("OfficeJsScriptPlugin", (data) => {
        if (data.outputName.startsWith(`${OFFICE_JS_FOLDER}/`)) data.headTags.unshift(HtmlWebpackPlugin.createHtmlTagObject("script", { src: "office.js" }));
        return data;
      });
    });
  }
}

const panes = {
  compose: "Tracking token: compose",
  read: "Tracking token: read",
};

/** @returns {import('webpack').Configuration} */
module.exports = (_env, argv) => {
  const production = argv.mode !== "development";
  const paneHtml = (name, title, officeScript, filename) =>
    new HtmlWebpackPlugin({
      filename,
      title,
      template: "src/panes/shared/pane.html",
      chunks: [name],
      officeScript,
      // The bundle needs window.Office to exist before it runs.
      scriptLoading: "defer",
      // Back to dist/ from the page's folder (playground/, playground/office-js/).
      publicPath: "../".repeat(filename.split("/").length - 1),
    });
  // Loaders run last to first: TypeScript lowers the syntax to ES2016; Babel then rewrites regular
  // expressions with Unicode property escapes (\p{Nd}, ES2018), which TypeScript leaves as they are.
  const handlerLoader = [
    { loader: "babel-loader", options: { babelrc: false, configFile: false, plugins: ["@babel/plugin-transform-unicode-property-regex"] } },
    {
      loader: "ts-loader",
      options: {
        transpileOnly: true,
        configFile: "tsconfig.build.json",
        instance: HANDLER_LAYER,
        // One copy of __awaiter and friends (tslib) instead of one per module.
        compilerOptions: { target: "ES2016", allowJs: true, importHelpers: true },
      },
    },
  ];
  return {
    experiments: { layers: true },
    // ES2016 for webpack's own runtime code too: the handler's chunk must parse in the JavaScript-only runtime.
    target: ["web", "es2016"],
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      compose: "./src/panes/compose/index.tsx",
      read: "./src/panes/read/index.tsx",
      // The OnMessageSend handler: commands.js alone in classic Outlook on Windows (no IndexedDB there),
      // commands-web.js in commands.html for the browser runtimes.
      commands: { import: HANDLER_ENTRY, layer: HANDLER_LAYER },
      "commands-web": { import: HANDLER_WEB_ENTRY, layer: HANDLER_LAYER },
      // The page Office's dialog opens for sign-in where MSAL's popup cannot (src/office/officeDialog.ts).
      "sign-in-dialog": "./src/office/signInDialogPage.ts",
      playground: "./src/playground/index.tsx",
      "fake-office": "./src/playground/fakeOffice/install.ts",
      // sw.js, at the root so its scope covers every pane page (docs/OFFLINE.md).
      sw: "./src/serviceWorker/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: (data) =>
        data.chunk.name === "playground" || data.chunk.name === "fake-office"
          ? "playground/[name].js"
          : "[name].js",
      // Lazy chunks (the settings form, the service client, the dark theme) load relative to the
      // script that asks for them, so dist/compose.html and dist/playground/compose.html (which
      // loads ../compose.js) both find them. Hashed: a new release never meets a cached old chunk.
      publicPath: "auto",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          oneOf: [
            // The handler's own entry (it has no issuer) and everything it imports, idb included.
            { test: /\.tsx?$/, include: [HANDLER_ENTRY, HANDLER_WEB_ENTRY], use: handlerLoader },
            { test: /\.tsx?$/, issuerLayer: HANDLER_LAYER, exclude: /node_modules/, use: handlerLoader },
            { test: /\.m?js$/, issuerLayer: HANDLER_LAYER, include: /node_modules/, use: handlerLoader },
            {
              test: /\.tsx?$/,
              exclude: /node_modules/,
              use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.build.json" } },
            },
          ],
        },
      ],
    },
    plugins: [
      new OfficeAddinsAllowedPlugin(),
      ...Object.entries(panes).flatMap(([name, title]) => [
        paneHtml(name, title, OFFICE_JS_CDN, `${name}.html`),
        paneHtml(name, `${title} (playground)`, FAKE_OFFICE_JS, `playground/${name}.html`),
      ]),
      ...Object.entries(panes).map(([name, title]) => paneHtml(name, `${title} (playground, Microsoft's office.js)`, "microsoft-ajax.js", `${OFFICE_JS_FOLDER}/${name}.html`)),
      new OfficeJsScriptPlugin(),
      paneHtml("sign-in-dialog", "Tracking Tokens: sign in", OFFICE_JS_CDN, "sign-in-dialog.html"),
      // No UI: Outlook loads it hidden, and the playground in a hidden iframe, for each send.
      paneHtml("commands-web", "Tracking Tokens: send handler", OFFICE_JS_CDN, "commands.html"),
      paneHtml("commands-web", "Tracking Tokens: send handler (playground)", FAKE_OFFICE_JS, "playground/commands.html"),
      new HtmlWebpackPlugin({
        filename: "playground/index.html",
        title: "Tracking Tokens playground",
        template: "src/playground/index.html",
        chunks: ["playground"],
        publicPath: "../",
      }),
      // What sw.js keeps for offline opens: the pane pages (shipped and playground) and everything they load.
      new PrecachePlugin({
        worker: "sw.js",
        // Not commands.js: no page loads it, and the JavaScript-only runtime that does has no service worker.
        entries: ["compose", "read", "commands-web", "fake-office"],
        pages: ["compose", "read", "commands"].flatMap((name) => [`${name}.html`, `playground/${name}.html`]),
        // MSAL is fetched only by a pane that signs in to a service (docs/BENCHMARKS.md, budgets), and
        // signing in needs the network anyway: precaching it would make every pane download it.
        exclude: [/^chunks\/msal\./],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "[path][name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "manifest.json", to: "manifest.json" },
          // manifest.json's languages (localizationInfo), zipped with it (docs/DEPLOY.md, step 3).
          { from: "localization/*.json", to: "[path][name][ext]" },
          { from: "src/support.html", to: "support.html" },
          ...OFFICE_JS_FILES.map((file) => ({ from: `${OFFICE_JS_DIST}/${file}`, to: `${OFFICE_JS_FOLDER}/${file}` })),
          { from: "src/playground/outlookHost/microsoftAjax.js", to: `${OFFICE_JS_FOLDER}/microsoft-ajax.js` },
        ],
      }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
