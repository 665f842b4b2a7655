// Prints the plain closing line CI reads ("N passed, N failed"), from the runners' JSON reports.
// A gate step that failed before writing a report (lint, type check) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

const reports = [
  { name: "unit", file: "test-results/unit.json", read: (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0), skipped: r.numPendingTests }) },
  { name: "e2e", file: "test-results/e2e.json", read: (r) => ({ passed: r.passed, failed: r.failed, skipped: r.skipped }) },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const report of reports) {
  if (!existsSync(report.file)) {
    console.log(`${report.name}: no report (${report.file}): the gate stopped before it, or it did not run`);
    failed += 1;
    continue;
  }
  const counts = report.read(JSON.parse(readFileSync(report.file, "utf8")));
  console.log(`${report.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
