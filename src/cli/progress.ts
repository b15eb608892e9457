/**
 * Progress display for long commands: a cli-progress bar with replications per second and ETA when stderr is a
 * terminal, plain lines at every tenth of the work when it is not (CI logs, pipes), nothing with --quiet/--json.
 * The rate and ETA come from the Monte Carlo layer's `onProgress` callback, not from the bar's own estimate.
 */
import cliProgress from "cli-progress";
import type { CliContext } from "./context.ts";
import { safeForTerminal } from "./terminal-text.ts";

/** What the Monte Carlo layer reports as it goes. */
export interface ProgressUpdate {
  done: number;
  total: number;
  perSecond: number;
  etaSeconds: number;
}

/** How progress is shown. */
export type ProgressMode = "bar" | "lines" | "none";

/** A progress display for one task (one scenario run, one comparison, one sweep). */
export interface ProgressDisplay {
  /** Reports progress; safe to call often. */
  update(progress: ProgressUpdate): void;
  /** Removes the bar (or prints nothing more); idempotent. */
  stop(): void;
}

/** Chooses the mode: none when quiet or JSON, a bar on a terminal, lines otherwise. */
export function progressMode(
  options: { quiet?: boolean; json?: boolean },
  context: CliContext,
): ProgressMode {
  if (options.quiet || options.json) return "none";
  return context.stderrIsTTY ? "bar" : "lines";
}

/** Formats seconds as `42 s`, `3 min 05 s` or `1 h 02 min`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, "0")} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, "0")} min`;
}

/** One plain progress line, e.g. `level-3: 40/200 replications (20%), 35.1/s, ETA 5 s`. */
export function progressLine(label: string, progress: ProgressUpdate): string {
  const percent = progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0;
  return `${label}: ${progress.done}/${progress.total} replications (${percent}%), ${progress.perSecond.toFixed(1)}/s, ETA ${formatDuration(progress.etaSeconds)}\n`;
}

/** Creates the display for one task labelled `label` (the scenario or sweep name). */
export function createProgress(mode: ProgressMode, label: string, context: CliContext): ProgressDisplay {
  if (mode === "none") return { update() {}, stop() {} };
  if (mode === "lines") return lineProgress(label, context);
  return barProgress(label, context);
}

function lineProgress(label: string, context: CliContext): ProgressDisplay {
  let lastTenth = -1;
  let stopped = false;
  return {
    update(progress) {
      if (stopped || progress.total <= 0) return;
      const tenth = Math.floor((10 * progress.done) / progress.total);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      context.stderr(progressLine(label, progress));
    },
    stop() {
      stopped = true;
    },
  };
}

function barProgress(label: string, context: CliContext): ProgressDisplay {
  const bar = new cliProgress.SingleBar(
    {
      stream: context.stderrStream,
      format: `${safeForTerminal(label).replace(/[{}]/g, "")} [{bar}] {value}/{total} replications | {rate}/s | ETA {etaText}`,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  let stopped = false;
  return {
    update(progress) {
      if (stopped) return;
      const payload = { rate: progress.perSecond.toFixed(1), etaText: formatDuration(progress.etaSeconds) };
      if (!started) {
        bar.start(progress.total, progress.done, payload);
        started = true;
        return;
      }
      if (bar.getTotal() !== progress.total) bar.setTotal(progress.total);
      bar.update(progress.done, payload);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (started) bar.stop();
    },
  };
}
