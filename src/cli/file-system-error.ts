/**
 * Ordinary file-system failures (read-only mount, full disk, a path through a regular file, no permission) as
 * user-facing messages: what failed, where and why, with exit code 2 when the user's path is the cause and 1 when
 * the machine is (full disk, I/O error). Codes are POSIX errno names as Node reports them (`error.code`).
 */
import { CliError, ExitCode } from "./exit-codes.ts";
import { fileSystemProblem } from "./messages.ts";

/** Plain-language reason per errno code. */
const REASONS: Readonly<Record<string, string>> = {
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder, not a file",
  ENOENT: "the folder does not exist",
  EEXIST: "it already exists",
  ENAMETOOLONG: "the name is too long",
  EIO: "input/output error",
  EMFILE: "too many open files",
  ELOOP: "too many symbolic links (a loop?)",
};

/** Codes where the user's machine, not the path they gave, is the cause (exit 1). */
const MACHINE_CAUSES = new Set(["ENOSPC", "EDQUOT", "EIO", "EMFILE"]);

/** True when `error` is a Node file-system error (it carries an errno `code` and a `syscall`). */
export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException {
  return (
    error instanceof Error &&
    typeof (error as NodeJS.ErrnoException).code === "string" &&
    typeof (error as NodeJS.ErrnoException).syscall === "string"
  );
}

/**
 * `error` as a CliError saying `action` failed at `path` and why; other errors are returned unchanged.
 * @example fileSystemFailure(eRofs, "write the report", "out/x") // "cannot write the report to out/x: read-only file system (EROFS)"
 */
export function fileSystemFailure(error: unknown, action: string, path: string): unknown {
  if (!isFileSystemError(error)) return error;
  const code = error.code!;
  const reason = REASONS[code] ?? error.message;
  const exitCode = MACHINE_CAUSES.has(code) ? ExitCode.runFailed : ExitCode.usage;
  return new CliError(exitCode, fileSystemProblem(action, path, `${reason} (${code})`), { cause: error });
}
