/**
 * Escaping of user-supplied text for HTML (OWASP XSS prevention cheat sheet, rule 1: encode & < > " ') and of
 * JSON embedded in a `<script type="application/json">` block (`<` as \u003c so that `</script>` cannot close it).
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text safe to place in HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON text safe inside `<script type="application/json">`: `<`, `>`, `&` and the JS line separators
 * U+2028/U+2029 are written as \u escapes, which JSON.parse turns back into the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** A JavaScript bundle safe to inline in a `<script>` element (no `</script` sequence can end it early). */
export function scriptSafe(source: string): string {
  return source.replace(/<\/script/gi, "<\\/script").replace(/<!--/g, "<\\!--");
}
