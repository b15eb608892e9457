import { describe, expect, it } from "vitest";
import { CliError, ExitCode } from "../../src/cli/exit-codes.ts";
import { explainFailure, replayCommand, shellWord } from "../../src/cli/run-failure.ts";
import { ReplicationError } from "../../src/montecarlo/replication-error.ts";

describe("explainFailure", () => {
  it("turns a ReplicationError into exit 1 with index, seed and the replay command of the failing scenario", () => {
    const error = new ReplicationError(17, 42, new Error("negative effort in phase data"), "Bank B");
    const explained = explainFailure(error, (name) =>
      name === "Bank B" ? "scenarios/bank b.yaml" : "other",
    );
    expect(explained).toBeInstanceOf(CliError);
    const cliError = explained as CliError;
    expect(cliError.exitCode).toBe(ExitCode.runFailed);
    expect(cliError.message).toBe(
      [
        "replication 17 (seed 42) failed: negative effort in phase data",
        "reproduce it alone, with its trace:",
        "  scalesim run 'scenarios/bank b.yaml' --seed 42 --replay 17",
      ].join("\n"),
    );
    expect(cliError.cause).toBe(error);
  });

  it("returns any other error unchanged", () => {
    const error = new TypeError("bug");
    expect(explainFailure(error, () => "x")).toBe(error);
  });
});

describe("replayCommand", () => {
  it("quotes only the words that need it", () => {
    expect(replayCommand("level-3", 1, 0)).toBe("scalesim run level-3 --seed 1 --replay 0");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
  });
});
