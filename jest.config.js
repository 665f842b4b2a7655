/** One Jest config: unit tests (core, office, storage, authority, panes, playground) and the tracking service. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.jest.json" }];

/** @type {import('jest').Config} */
module.exports = {
  // The pane tests type whole forms with user-event: 2-6 s each on a loaded 2-core machine, and a
  // test that times out leaves its renders running into the next one. A ceiling, not a measure.
  testTimeout: 20_000,
  projects: [
    {
      displayName: "unit",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts", "<rootDir>/test/unit/**/*.test.tsx"],
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
      // A test that needs a DOM selects jsdom with a docblock: /** @jest-environment jsdom */
    },
    {
      // The tracking service: real SQLite files, and PostgreSQL when DATABASE_URL is set.
      displayName: "service",
      testMatch: ["<rootDir>/test/service/**/*.test.ts"],
      testEnvironment: "node",
      transform: {
        "^.+\\.tsx?$": tsJest,
        // jose and light-my-request's cookie (behind app.inject) ship ESM only: Jest on Node 20 needs them as CommonJS.
        "/node_modules/(?:.*/node_modules/)?(?:jose|cookie)/.+\\.js$": [
          "ts-jest",
          { tsconfig: { allowJs: true, module: "CommonJS", moduleResolution: "node10", target: "ES2022", isolatedModules: true, ignoreDeprecations: "6.0" } },
        ],
      },
      transformIgnorePatterns: ["/node_modules/(?!(?:.*/node_modules/)?(?:jose|cookie)/)"],
    },
  ],
};
