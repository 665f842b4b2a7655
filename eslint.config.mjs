import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { createNodeResolver, importX } from "eslint-plugin-import-x";

/** Globals that make code impure: core gets time, storage and the host passed in. */
const HOST_AND_CLOCK_GLOBALS = ["Office", "window", "document", "navigator", "localStorage", "sessionStorage", "indexedDB", "fetch", "Date", "setTimeout", "setInterval", "crypto"].map(
  (name) => ({ name, message: "src/core is pure: pass this in from src/office, src/storage or src/authority instead." }),
);

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", ".tsbuild/**", "coverage/**", "test-results/**", "**/*.js", "!webpack.config.js", "!jest.config.js"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // No import circles, anywhere: a circle has no bottom room (README, Folder layout). Type-only
    // imports are not followed (the rule's design); keep those acyclic by hand.
    files: ["**/*.{ts,tsx,mjs}"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".mjs", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".mjs", ".js", ".json"] })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The dependency rule: core imports nothing of ours outside itself, and nothing of the host.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../*", "../../*"], message: "src/core imports nothing of ours outside src/core." },
            { group: ["react", "react-*", "@fluentui/*", "idb", "office-*", "@microsoft/*", "@azure/*"], message: "src/core is pure: no React, Fluent, storage, Office or MSAL." },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...HOST_AND_CLOCK_GLOBALS],
    },
  },
  {
    // The contract (the service's HTTP schemas and their types) imports only core; json-schema-to-ts
    // only for types, so the add-in's bundles carry plain objects.
    files: ["src/contract/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["../*", "!../core", "../core/*"], message: "src/contract imports only src/core (its index)." },
            { group: ["react", "react-*", "@fluentui/*", "idb", "office-*", "@microsoft/*", "@azure/*", "fastify", "@fastify/*", "node:*"], message: "src/contract is the service's and the add-in's alike: no runtime of either." },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...HOST_AND_CLOCK_GLOBALS.map(({ name }) => ({ name, message: "src/contract is pure, like src/core." }))],
    },
  },
  {
    // The catalogues and their formatting (docs/DESIGN.md §9) import only core, and no host: the panes,
    // the send handler and the service all use them. Dates are formatted, never read from the clock.
    files: ["src/languages/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/office/*", "**/storage/*", "**/authority/*", "**/panes/*", "**/commands/*", "**/playground/*", "**/serviceWorker/*", "**/server/*", "**/contract/*", "**/core/*"], message: "src/languages imports only src/core (its index)." },
            { group: ["react", "react-*", "@fluentui/*", "idb", "office-*", "@microsoft/*", "@azure/*", "node:*"], message: "src/languages is pure: no React, Fluent, storage, Office or Node." },
          ],
        },
      ],
      "no-restricted-globals": ["error", ...HOST_AND_CLOCK_GLOBALS.filter(({ name }) => name !== "Date").map(({ name }) => ({ name, message: "src/languages is pure, like src/core." }))],
    },
  },
  {
    // Of our rooms the service reaches only core, the contract and the languages (README, Folder layout).
    files: ["src/server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/office/*", "**/storage/*", "**/authority/*", "**/panes/*", "**/commands/*", "**/playground/*", "**/serviceWorker/*"], message: "The service reaches only src/core, src/contract and src/languages." }] },
      ],
    },
  },
  {
    // Lower layers never reach up into the panes, commands or playground.
    files: ["src/office/**/*.ts", "src/storage/**/*.ts", "src/authority/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/panes/*", "**/commands/*", "**/playground/*", "react", "@fluentui/*"], message: "Dependencies point one way: panes -> authority/storage/office -> core." }] },
      ],
    },
  },
  {
    // MSAL only through src/office/nestedAppAuth.ts, which imports it lazily (its own chunk; docs/BENCHMARKS.md).
    files: ["src/storage/**/*.ts", "src/authority/**/*.ts", "src/commands/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/panes/*", "**/commands/*", "**/playground/*", "react", "@fluentui/*"], message: "Dependencies point one way: panes -> authority/storage/office -> core." },
            { group: ["@azure/msal-*"], message: "Only src/office loads MSAL, lazily (src/office/nestedAppAuth.ts); the send handler never does (docs/AUTO-STAMP.md)." },
          ],
        },
      ],
    },
  },
  {
    // Only src/office (and the playground's fake of it) may touch Office.context.
    files: ["src/core/**/*.ts", "src/storage/**/*.ts", "src/authority/**/*.ts", "src/panes/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    ignores: ["src/panes/shared/officeReady.ts", "src/panes/*/index.tsx", "src/commands/*/index.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='Office'][property.name='context']", message: "Only src/office touches Office.context." },
      ],
    },
  },
  {
    // Panes style with Fluent's tokens as CSS variables (panes/shared/tokenVar): makeStyles would pull
    // Griffel's runtime CSS compiler back into the initial bundle (docs/BENCHMARKS.md, Panes).
    files: ["src/panes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@fluentui/react-components", importNames: ["makeStyles", "makeStaticStyles", "makeResetStyles"], message: "Style panes with tokenVar() in inline styles: makeStyles costs ~7 KB of runtime in the initial bundle." }],
          patterns: [{ group: ["@azure/msal-*"], message: "Only src/office loads MSAL, lazily (src/office/nestedAppAuth.ts)." }],
        },
      ],
    },
  },
  {
    files: ["webpack.config.js", "jest.config.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly" } },
  },
);
