/**
 * Text from files (scenario names, descriptions, tenant names, paths) reaches the terminal through this module:
 * control characters are shown as `\u001b`-style escapes instead of being sent raw, so a scenario cannot move
 * the cursor, rewrite earlier lines, change the window title or hide text (terminal escape injection,
 * CWE-150), nor reorder what is shown with bidirectional overrides ("Trojan Source", CVE-2021-42574). The
 * escape form is also a valid JSON string escape of the same character, so `--json` output stays valid and
 * lossless.
 */

/** C0 controls except tab and newline, DEL, C1 controls, and the Unicode bidirectional overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this module's purpose
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` with every unsafe character replaced by its `\uXXXX` escape; tabs and newlines are kept.
 * @example safeForTerminal("a\u001b[2Jb") // => "a\\u001b[2Jb"
 */
export function safeForTerminal(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
