/**
 * Characters that reorder or hide text (bidi overrides and isolates, marks, zero-width joiners used to disguise
 * a link): echoed text can then not pose as something else.
 */
const INVISIBLE_CONTROLS = /[\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

function withoutInvisibleControls(text: string): string {
  return text.replace(INVISIBLE_CONTROLS, "");
}

/** Look-alikes for mrkdwn's markers, which Slack offers no escape for. */
const MARKER_LOOK_ALIKES: Record<string, string> = { "*": "\u2217", _: "\uFF3F", "~": "\u223C", "`": "\u02CB" };

/**
 * Slack's control characters: escaping them means "<!channel>" or "<@U123>" typed by anyone is shown, never acted
 * on; and a marker that could open *bold*, _italics_, ~strike~ or `code` (at the start of a word) is swapped for a
 * look-alike, so an echoed name shows as typed. Markers inside words ("gpt_4o") open nothing and stay.
 */
export function escapeSlack(text: string): string {
  return withoutInvisibleControls(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/(^|[\s([{"'“‘«「（])([*_~`])(?=\S)/gu, (_match, before: string, marker: string) => before + MARKER_LOOK_ALIKES[marker]);
}

/**
 * Text for a header or a notification, where anything a user typed may be echoed: no controls, and no address
 * Slack would turn into a link (the dot and the scheme's colon are swapped for look-alikes that do not link).
 */
export function plainSlack(text: string): string {
  return withoutInvisibleControls(text)
    .replace(/\b([a-z][a-z0-9+.-]*):\/\//gi, "$1\u2236//")
    .replace(/([\p{L}\p{N}-])\.(?=[\p{L}]{2,}\b)/gu, "$1\u2024");
}

/** A link whose label cannot break out of the <url|label> syntax. */
export function slackLink(url: string, label: string): string {
  if (!/^https?:\/\/[^\s<>|]+$/.test(url)) return `${escapeSlack(label)} (${escapeSlack(url)})`;
  return `<${url}|${escapeSlack(label).replace(/\|/g, "¦")}>`;
}
