import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SCREENSHOT } from "../../docs/screenshot.ts";

const root = new URL("../../", import.meta.url);

describe("the README's screenshot of a report", () => {
  it(`is a PNG ${SCREENSHOT.width} px wide made by \`${SCREENSHOT.command}\``, () => {
    const png = readFileSync(new URL(SCREENSHOT.file, root));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(SCREENSHOT.width);
    expect(png.readUInt32BE(20)).toBe(SCREENSHOT.height);
  });

  it("is shown in the README with a caption naming the command, the replications and the seed", () => {
    const readme = readFileSync(new URL("README.md", root), "utf8");
    const image = readme.indexOf(`](${SCREENSHOT.file})`);
    expect(image).toBeGreaterThan(0);
    const caption = readme.slice(image, image + 400);
    expect(caption).toContain(`\`${SCREENSHOT.command}\``);
    expect(caption).toContain(`${SCREENSHOT.replications} replications`);
    expect(caption).toContain(`seed ${SCREENSHOT.seed}`);
  });
});
