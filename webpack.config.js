/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads a CommonJS config */
const fs = require("node:fs");
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { PrecachePlugin } = require("./scripts/precachePlugin.cjs");
const { ThemeTokensPlugin } = require("./scripts/themeTokensPlugin.cjs");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");

/** Microsoft supports Office.js only from its CDN; shipped pages load it from there. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The send handler's layer: its modules (ours and idb) are compiled a second time, to ES2016, because
 * classic Outlook on Windows before Version 2403 runs ES2016 only in its JavaScript-only runtime
 * (docs/AUTO-STAMP.md). The panes keep ES2022. A layer keeps it one compilation, one config.
 */
const HANDLER_LAYER = "handler-es2016";
const HANDLER_ENTRY = path.resolve(__dirname, "src/commands/index.ts");
/**
 * The same handler for commands.html (browser runtimes), over IndexedDB (src/commands/web.ts). Compiled
 * as the panes are (ES2022): those runtimes run the panes too, and without the ES2016 lowering (tslib's
 * generators, spelled-out spreads and optional chains) the bundle keeps headroom under its 25 KB.
 */
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
 * The playground's pages run the same bundles on Microsoft's office.js from the package, served
 * beside them with the files it loads (src/playground/outlookHost/README.md), while the playground
 * page plays Outlook on the web. The strings of every language: Office.context.displayLanguage picks them.
 */
const OFFICE_JS_DIST = "node_modules/@microsoft/office-js/dist";
const OFFICE_JS_FOLDER = "playground/office-js";
const OFFICE_JS_FILES = ["office.js", "o15apptofilemappingtable.js", "outlook-web-16.01.js", "telemetry/oteljs_agave.js"];
const OFFICE_JS_STRINGS = ["office_strings.js", "outlook_strings.js"];
/** What a pane page loads before its bundle, kept offline with the build (docs/OFFLINE.md). */
const OFFICE_JS_OFFLINE = [...OFFICE_JS_FILES, ...OFFICE_JS_STRINGS.map((file) => `en-us/${file}`), "microsoft-ajax.js"].map((file) => `${OFFICE_JS_FOLDER}/${file}`);

/**
 * The playground's pane pages: the device script (the template's), MicrosoftAjax.js's stand-in and
 * office.js, then the deferred bundle.
 */
class OfficeJsScriptPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsScriptPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("OfficeJsScriptPlugin", (data) => {
        if (data.outputName.startsWith(`${OFFICE_JS_FOLDER}/`)) {
          data.headTags.unshift(...["microsoft-ajax.js", "office.js"].map((src) => HtmlWebpackPlugin.createHtmlTagObject("script", { src })));
        }
        return data;
      });
    });
  }
}

/**
 * Fluent's `tokens` object (@fluentui/tokens/lib/tokens.js) is replaced by a stand-in that answers the
 * same "var(--name)" strings without listing them (src/panes/shared/fluentTokens.ts says why).
 */
const FLUENT_TOKENS_MODULE = /[\\/]@fluentui[\\/]tokens[\\/]lib$/;
const FLUENT_TOKENS_STAND_IN = path.resolve(__dirname, "src/panes/shared/fluentTokens.ts");

/**
 * The Fluent components every pane renders first, its provider and Button (text is ours,
 * src/panes/shared/Typography.tsx): their styles, precompiled Griffel rules, are extracted at build
 * time into one stylesheet, griffel.css, which the pages link, instead of being carried in the first
 * script and inserted rule by rule while it renders (docs/BENCHMARKS.md, initial JavaScript). Griffel's
 * extraction writes one stylesheet for the whole build, so only these: the other components (the
 * Spinner, the settings form's fields, the playground's) keep runtime insertion in the chunks that use them.
 */
const GRIFFEL_EXTRACTED = /[\\/]node_modules[\\/]@fluentui[\\/]react-(provider|button)[\\/]/;

/**
 * A light pane's theme is the page's own: Fluent's web light theme, cut to the tokens the panes use
 * (src/panes/shared/lightTheme.json, scripts/make-light-theme.mjs), written into each pane page as CSS
 * variables with Fluent's own createCSSRuleFromTheme. So it paints before any script runs and the
 * first script carries no theme; a dark Outlook's theme still comes as a chunk, set on FluentProvider,
 * which wins over these (src/panes/shared/paneTheme.ts).
 */
const LIGHT_THEME_CSS = require("@fluentui/react-components").createCSSRuleFromTheme(":root", require("./src/panes/shared/lightTheme.json"));

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
      // Only the panes paint with Fluent: the sign-in dialog and the hidden send handler page need no theme.
      lightThemeCss: name in panes ? LIGHT_THEME_CSS : undefined,
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
      "commands-web": HANDLER_WEB_ENTRY,
      // The page Office's dialog opens for sign-in where MSAL's popup cannot (src/office/officeDialog.ts).
      "sign-in-dialog": "./src/office/signInDialogPage.ts",
      playground: "./src/playground/index.tsx",
      // The playground pane pages' first script: the network, the device and the NAA broker (not Office).
      "pane-device": "./src/playground/outlookHost/paneDevice.ts",
      // The sign-in page the Office dialog opens from a playground pane: the playground's identity provider.
      "playground-sign-in": "./src/playground/outlookHost/signInDialog.ts",
      // sw.js, at the root so its scope covers every pane page (docs/OFFLINE.md).
      sw: "./src/serviceWorker/worker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: (data) =>
        data.chunk.name === "playground" ? "playground/[name].js" : ["pane-device", "playground-sign-in"].includes(data.chunk.name) ? `${OFFICE_JS_FOLDER}/[name].js` : "[name].js",
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
        { test: /\.js$/, include: GRIFFEL_EXTRACTED, use: GriffelCSSExtractionPlugin.loader },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
        {
          oneOf: [
            // The handler's own entry (it has no issuer) and everything it imports, idb included.
            { test: /\.tsx?$/, include: [HANDLER_ENTRY], use: handlerLoader },
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
      // Griffel sorts the extracted rules itself (by its style buckets), so mini-css-extract's order check across entries does not apply.
      new MiniCssExtractPlugin({ filename: "[name].css", chunkFilename: "chunks/[name].[contenthash:8].css", ignoreOrder: true }),
      new GriffelCSSExtractionPlugin(),
      new OfficeAddinsAllowedPlugin(),
      new webpack.NormalModuleReplacementPlugin(/^\.\/tokens\.js$/, (resolveData) => {
        if (FLUENT_TOKENS_MODULE.test(resolveData.context)) resolveData.request = FLUENT_TOKENS_STAND_IN;
      }),
      ...Object.entries(panes).flatMap(([name, title]) => [
        paneHtml(name, title, OFFICE_JS_CDN, `${name}.html`),
        paneHtml(name, `${title} (playground)`, "pane-device.js", `${OFFICE_JS_FOLDER}/${name}.html`),
      ]),
      new OfficeJsScriptPlugin(),
      paneHtml("sign-in-dialog", "Tracking Tokens: sign in", OFFICE_JS_CDN, "sign-in-dialog.html"),
      paneHtml("playground-sign-in", "Tracking Tokens: sign in (playground)", "pane-device.js", `${OFFICE_JS_FOLDER}/sign-in-dialog.html`),
      // No UI: Outlook loads it hidden, and the playground in a hidden iframe, for each send.
      paneHtml("commands-web", "Tracking Tokens: send handler", OFFICE_JS_CDN, "commands.html"),
      paneHtml("commands-web", "Tracking Tokens: send handler (playground)", "pane-device.js", `${OFFICE_JS_FOLDER}/commands.html`),
      new HtmlWebpackPlugin({
        filename: "playground/index.html",
        title: "Tracking Tokens playground",
        template: "src/playground/index.html",
        chunks: ["playground"],
        publicPath: "../",
      }),
      // The light theme holds only the tokens the panes use; a production build that uses another fails here.
      new ThemeTokensPlugin({ entries: ["compose", "read"] }),
      // What sw.js keeps for offline opens: the pane pages (shipped and playground) and everything they load.
      new PrecachePlugin({
        worker: "sw.js",
        // Not commands.js: no page loads it, and the JavaScript-only runtime that does has no service worker.
        entries: ["compose", "read", "commands-web", "pane-device"],
        pages: [...["compose", "read", "commands"].flatMap((name) => [`${name}.html`, `${OFFICE_JS_FOLDER}/${name}.html`]), ...OFFICE_JS_OFFLINE],
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
          // Microsoft's files as they ship (minimized: Terser would only spend time on them).
          ...OFFICE_JS_FILES.map((file) => ({ from: `${OFFICE_JS_DIST}/${file}`, to: `${OFFICE_JS_FOLDER}/${file}`, info: { minimized: true } })),
          ...OFFICE_JS_STRINGS.map((file) => ({ from: `*/${file}`, context: OFFICE_JS_DIST, to: `${OFFICE_JS_FOLDER}/[path][name][ext]`, info: { minimized: true } })),
          { from: "src/playground/outlookHost/microsoftAjax.js", to: `${OFFICE_JS_FOLDER}/microsoft-ajax.js`, info: { minimized: true } },
        ],
      }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
