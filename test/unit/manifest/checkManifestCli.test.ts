import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const repoRoot = join(__dirname, "..", "..", "..");
const tsx = join(repoRoot, "node_modules", ".bin", "tsx");

function runCli(manifestPath: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [join(repoRoot, "scripts", "check-manifest.ts"), manifestPath], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("scripts/check-manifest.ts", () => {
  it("prints OK with the number of checks and exits 0 for manifest.xml", () => {
    const { status, stdout } = runCli("manifest.xml");
    expect(stdout).toMatch(/^manifest\.xml: OK \(\d+ checks\)\n$/);
    expect(status).toBe(0);
  });

  it("prints each problem with its line and exits 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    try {
      const broken = join(dir, "manifest.xml");
      const xml = readFileSync(join(repoRoot, "manifest.xml"), "utf8");
      writeFileSync(broken, xml.replace("<Version>1.0.0.0</Version>", "<Version>one</Version>"));
      const line = xml.slice(0, xml.indexOf("<Version>")).split("\n").length;
      const { status, stderr } = runCli(broken);
      expect(stderr).toContain(`${broken}:${line}: <Version> (line ${line}) is "one", which is not a valid version`);
      // No assets/ beside the copy, so its icons are missing too.
      expect(stderr).toContain("assets/icon-64.png does not exist");
      expect(stderr).toMatch(/: \d+ problems \(\d+ checks\)\n$/);
      expect(status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
