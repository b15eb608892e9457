/**
 * Human labels for metrics and names: the summary's label, or the name made readable when the model gave no
 * label (`cumulativeValue` -> `Cumulative value`).
 */

/** Human label of a camelCase, dotted or snake-case name: `costReduction` -> `Cost reduction`. */
export function humanise(name: string): string {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.-]+/g, " ")
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The label of a metric, humanised when it is missing or merely repeats the name. */
export function metricLabel(metric: { name: string; label: string }): string {
  return metric.label.trim() === "" || metric.label === metric.name ? humanise(metric.name) : metric.label;
}

/** A label without its trailing parenthetical explanation: "Time to market (approval to production)" -> "Time to market". */
export function shortLabel(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/, "") || label;
}
