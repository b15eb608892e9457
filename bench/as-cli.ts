/**
 * Imported first by every benchmark, for its side effect: the process gets the V8 settings the `scalesim` command
 * applies at start-up (src/cli/v8-settings.ts), so that a benchmark measures the model as a run of the command
 * does. Not a benchmark itself (bench/run.ts runs only *.bench.ts).
 */
import { applyV8Settings } from "../src/cli/v8-settings.ts";

applyV8Settings();
