/** One Jest config, two projects: pure logic in node, panes in jsdom. */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.jest.json" }];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testMatch: ["<rootDir>/test/unit/**/*.test.ts", "<rootDir>/test/unit/**/*.test.tsx"],
      testEnvironment: "node",
      transform: { "^.+\\.tsx?$": tsJest },
      setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
      // Files that end in .dom.test.tsx need a DOM; they select it with a docblock.
    },
  ],
};
