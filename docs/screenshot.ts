/**
 * Regenerates docs/images/report.png, the README's picture of a real report: runs the default scenario through
 * the real command line (`scalesim run`, exactly what `npm start` runs, at a modest replication count) into a
 * temporary directory, opens its report.html in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core, launched as the browser test launches it), waits until every chart has drawn and saves the
 * top of the page (headline tiles and the first charts) at {@link SCREENSHOT.width} px.
 *
 * Usage: npm run docs:screenshot   (the README's caption names this command and the run's seed and replications)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The run and the picture: stated in the README's caption, checked by test/docs/screenshot.test.ts. */
export const SCREENSHOT = {
  command: "npm run docs:screenshot",
  replications: 50,
  seed: 20260101,
  width: 1200,
  height: 1400,
  file: "docs/images/report.png",
} as const;

const CHROMIUM = "/usr/bin/chromium";

async function main(): Promise<void> {
  const root = fileURLToPath(new URL("../", import.meta.url));
  if (!existsSync(CHROMIUM)) {
    process.stderr.write(`${CHROMIUM} not found (apt-get install -y chromium)\n`);
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), "scalesim-screenshot-"));
  const outDir = join(work, "report");
  try {
    const run = spawnSync(
      process.execPath,
      [
        "--import",
        "tsx",
        join(root, "src/cli/bin.ts"),
        "run",
        "-n",
        String(SCREENSHOT.replications),
        "-s",
        String(SCREENSHOT.seed),
        "-o",
        outDir,
        "--format",
        "html",
        "--quiet",
      ],
      { cwd: root, stdio: ["ignore", "inherit", "inherit"] },
    );
    if (run.status !== 0) throw new Error(`scalesim run exited with ${run.status}`);
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const page = await browser.newPage({
        viewport: { width: SCREENSHOT.width, height: SCREENSHOT.height },
        deviceScaleFactor: 1,
      });
      await page.goto(pathToFileURL(join(outDir, "report.html")).href);
      await page.waitForSelector("body[data-charts-ready=true]", { timeout: 60_000 });
      mkdirSync(join(root, "docs/images"), { recursive: true });
      await page.screenshot({ path: join(root, SCREENSHOT.file), fullPage: false });
    } finally {
      await browser.close();
    }
    process.stdout.write(`wrote ${SCREENSHOT.file}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
