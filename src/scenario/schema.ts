/**
 * The scenario schema: the single source of truth for what a scenario file may say. It composes the
 * top-level fields owned here with the delivery sections (`delivery-schema.ts`) and the platform section
 * (`platform-schema.ts`). Every object is strict (unknown keys are issues) and every field has a default and
 * a description, so `{}` is a valid scenario and `scenarioJsonSchema()` gives editors autocompletion.
 * Units and defaults follow /work/shared/MODEL.md ("Time and units": horizon 36 months, one currency).
 */
import { z } from "zod";
import { deliverySchemaShape, effectProblem } from "./delivery-schema.ts";
import { effectIssues } from "./effect-validation.ts";
import { fromZodIssue } from "./issues.ts";
import type { DocPath } from "./merge.ts";
import { notCurrencyCode } from "./messages.ts";
import { platformSchema } from "./platform-schema.ts";

/** `extends:` as written: one preset name or file path, or a list of them (applied left to right). */
export const extendsSchema = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
  .describe(
    "preset name (level-1 .. level-5, financial-services, retail, manufacturing) or a file path relative to " +
      "this file, or a list of them; parents merge first (left to right), this file's values win",
  );

/**
 * The whole scenario. Parse with `parseScenario`/`loadScenario` (which also resolve `extends:` and place
 * issues at file:line:column) rather than directly.
 */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe("JSON Schema reference for editors; ignored by the simulator"),
    name: z.string().min(1).default("scenario").describe("short name shown in reports and comparisons"),
    description: z.string().default("").describe("what this scenario represents, in a sentence or two"),
    extends: extendsSchema.optional(),
    horizonMonths: z
      .number()
      .int()
      .positive()
      .max(600)
      .default(36)
      .describe("simulated horizon in months (a month is 365.25/12 days); default 36"),
    startDate: z.iso.date().default("2027-01-01").describe("calendar date of month 0, YYYY-MM-DD"),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, { error: (issue) => notCurrencyCode(issue.input) })
      .default("USD")
      .describe("ISO 4217 currency of every amount in the scenario"),
    ...deliverySchemaShape,
    platform: platformSchema.prefault({}),
  })
  .superRefine((scenario, ctx) => {
    // a roadmap effect is checked like the scenario: its path against the scenario, its value by the schema's rules
    scenario.roadmap.investments.forEach((investment, i) => {
      investment.effects.forEach((effect, j) => {
        if (effectProblem(effect.path, effect.value) !== undefined) return; // reported by the roadmap section
        for (const issue of effectIssues(scenario, effect.path, effect.value, firstIssue))
          ctx.addIssue({
            code: "custom",
            path: ["roadmap", "investments", i, "effects", j, issue.field],
            // the effect's own path or value, not the whole scenario this refinement sees
            input: effect[issue.field],
            message: issue.message,
          });
      });
    });
  })
  .describe("a scalesim scenario: an organisation scaling AI delivery, simulated month by month");

/** A validated scenario with every default filled in: what the model reads. */
export type Scenario = z.output<typeof scenarioSchema>;

/** A scenario as written in a file (every field optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** The first issue of `document` as the schema reports it (path and message), or undefined when it is valid. */
function firstIssue(document: Record<string, unknown>): { path: DocPath; message: string } | undefined {
  const parsed = scenarioSchema.safeParse(document);
  if (parsed.success) return undefined;
  const first = parsed.error.issues[0]!;
  const issue = fromZodIssue(first, scenarioSchema, document)[0];
  return { path: issue?.path ?? [], message: issue?.message ?? first.message };
}
