/* eslint-disable @typescript-eslint/no-require-imports -- webpack reads a CommonJS config */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { PrecachePlugin } = require("./scripts/precachePlugin.cjs");

/** Microsoft supports Office.js only from its CDN; shipped pages load it from there. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The playground's pages load the same pane bundles with the fake Office instead. */
const FAKE_OFFICE_JS = "fake-office.js";

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
      publicPath: filename.includes("/") ? "../" : "",
    });
  return {
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      compose: "./src/panes/compose/index.tsx",
      read: "./src/panes/read/index.tsx",
      // The OnMessageSend handler: commands.html (browser runtimes) and commands.js (classic Outlook on Windows).
      commands: "./src/commands/index.ts",
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
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.build.json" } },
        },
      ],
    },
    plugins: [
      ...Object.entries(panes).flatMap(([name, title]) => [
        paneHtml(name, title, OFFICE_JS_CDN, `${name}.html`),
        paneHtml(name, `${title} (playground)`, FAKE_OFFICE_JS, `playground/${name}.html`),
      ]),
      // No UI: Outlook loads it hidden, and the playground in a hidden iframe, for each send.
      paneHtml("commands", "Tracking Tokens: send handler", OFFICE_JS_CDN, "commands.html"),
      paneHtml("commands", "Tracking Tokens: send handler (playground)", FAKE_OFFICE_JS, "playground/commands.html"),
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
        entries: ["compose", "read", "commands", "fake-office"],
        pages: ["compose", "read", "commands"].flatMap((name) => [`${name}.html`, `playground/${name}.html`]),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "[path][name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          { from: "src/support.html", to: "support.html" },
        ],
      }),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
