/** Characters that reorder or hide text (bidi overrides and isolates, zero-width marks): echoed text cannot pose as other text. */
const INVISIBLE_CONTROLS = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Anything escapeDiscord changes: most answers' lines have none, and are then scanned once, not three times. */
const NEEDS_ESCAPING = /[[\]#\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

export function withoutInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, "");
}

/**
 * Text anyone may have typed, for an embed's description or fields: no masked links ("[label](url)" shows the label
 * and hides where it goes) and no headings; Discord hides the backslashes, so ordinary text reads unchanged.
 */
export function escapeDiscord(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return withoutInvisibleControls(text)
    .replace(/[[\]]/g, "\\$&")
    .replace(/^(-?#{1,3}\s)/gm, "\\$1");
}
