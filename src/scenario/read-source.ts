/**
 * Reads one scenario or sweep file as text, refusing what is not an ordinary small text file: folders, FIFOs,
 * devices and sockets (`/dev/zero`, `/dev/stdin`, a named pipe) would hang or grow without end, so the file is
 * opened non-blocking (O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting) and
 * checked with fstat on the open descriptor, so a file swapped between check and read is caught too; at most
 * `maxBytes` are read; bytes must be UTF-8 without NUL. Synchronous: the `extends:` resolution that calls it is.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";
import { fileTooLarge, fileUnreadable, notARegularFile, notUtf8, nulByte } from "./messages.ts";

/** The text of a file, or why it cannot be used (`missing` set for a file that does not exist). */
export type SourceText = { ok: true; text: string } | { ok: false; message: string; missing: boolean };

/** Plain words for the usual reasons a file cannot be opened. */
const OPEN_FAILURES: Readonly<Record<string, string>> = {
  ELOOP: "too many symbolic links, a loop?",
  EACCES: "permission denied",
  ENOTDIR: "a part of the path is a file, not a folder",
  ENAMETOOLONG: "the name is too long",
};

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** What kind of non-regular file `stats` describes, in plain words. */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "folder";
  if (stats.isFIFO()) return "named pipe (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "device";
  if (stats.isSocket()) return "socket";
  return "special file";
}

/** Reads `path` as described in the module comment. Never throws for bad input. */
export function readSourceText(path: string, maxBytes: number): SourceText {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = String((error as NodeJS.ErrnoException).code);
    const reason = OPEN_FAILURES[code];
    return {
      ok: false,
      message: fileUnreadable(reason === undefined ? code : `${reason}, ${code}`),
      missing: code === "ENOENT",
    };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { ok: false, message: notARegularFile(kindOf(stats)), missing: false };
    if (stats.size > maxBytes)
      return { ok: false, message: fileTooLarge(stats.size, maxBytes), missing: false };
    // read to the end, not to stats.size: some files (procfs) report size 0; stop one byte past the cap
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(stats.size, 64 * 1024) + 1));
    let length = 0;
    let chunk = buffer;
    for (;;) {
      if (length === chunk.length) {
        if (chunk.length > maxBytes) break;
        const bigger = Buffer.alloc(Math.min(maxBytes + 1, chunk.length * 2));
        chunk.copy(bigger, 0, 0, length);
        chunk = bigger;
      }
      const read = readSync(fd, chunk, length, chunk.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, message: fileTooLarge(undefined, maxBytes), missing: false };
    const bytes = chunk.subarray(0, length);
    if (bytes.includes(0)) return { ok: false, message: nulByte(), missing: false };
    try {
      return { ok: true, text: UTF8.decode(bytes) };
    } catch {
      return { ok: false, message: notUtf8(), missing: false };
    }
  } catch (error) {
    return {
      ok: false,
      message: fileUnreadable(String((error as NodeJS.ErrnoException).code)),
      missing: false,
    };
  } finally {
    closeSync(fd);
  }
}
