/**
 * The unit every report is made of: one Vega-Lite chart with the words a reader needs to read it.
 */
import type { TopLevelSpec } from "vega-lite";

export type { TopLevelSpec };

/** One chart of a report: a stable id (used for file names), a title, a one-line reading guide and the spec. */
export interface ChartSpec {
  /** Kebab-case identifier, unique within a report, e.g. `delivered-fan`. */
  id: string;
  /** Title shown above the chart. */
  title: string;
  /** One sentence telling the reader how to read the chart. */
  guide: string;
  /** Self-contained Vega-Lite spec with inline data. */
  spec: TopLevelSpec;
  /** When true the chart spans the full width of the report grid. */
  wide?: boolean;
}
