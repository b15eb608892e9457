/**
 * Render a Vega-Lite spec to SVG in Node: compile with vega-lite, run a headless vega View (renderer "none"),
 * serialise with `View.toSVG` (https://vega.github.io/vega/docs/api/view/#view_toSVG). No file I/O.
 */
import { parse, View } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { compile } from "vega-lite";

/**
 * SVG markup of a chart.
 * @throws Error when the spec does not compile or the dataflow fails.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const { spec: vegaSpec } = compile(spec);
  const view = new View(parse(vegaSpec), { renderer: "none", logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
