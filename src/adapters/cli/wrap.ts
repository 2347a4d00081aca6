import { displayWidth, type Table } from "../../core/reply/reply.ts";

const HAN_OR_FULLWIDTH = /[\p{Script=Han}\u3000-\u303f\uff01-\uff60]/u;
const BULLET = /^(\s*(?:[•\-*] |\d+\. ))/;

/** A line's pieces that may not be split: a word with the space after it, or one Han character (Chinese breaks anywhere). */
function pieces(line: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const char of line) {
    if (HAN_OR_FULLWIDTH.test(char)) {
      if (word) out.push(word);
      out.push(char);
      word = "";
    } else {
      word += char;
      if (char === " ") {
        out.push(word);
        word = "";
      }
    }
  }
  if (word) out.push(word);
  return out;
}

/** Wraps one line at word boundaries (between any two Han characters) to `width` columns, with a hanging indent under a bullet. */
export function wrapLine(line: string, width: number): string[] {
  if (displayWidth(line) <= width) return [line];
  const indent = " ".repeat(displayWidth(BULLET.exec(line)?.[1] ?? ""));
  const room = Math.max(10, width - indent.length);
  const lines: string[] = [];
  let current = "";
  for (const piece of pieces(line)) {
    const limit = lines.length ? room : width;
    if (displayWidth(current + piece.trimEnd()) <= limit) {
      current += piece;
      continue;
    }
    // a word wider than a line (a URL) goes on a line of its own uncut: the terminal folds it, and it stays one link
    if (current.trim()) lines.push(current.trimEnd());
    current = piece.trimStart();
  }
  if (current.trim()) lines.push(current.trimEnd());
  return lines.map((text, i) => (i === 0 ? text : indent + text));
}

export function wrapText(text: string, width: number): string {
  return text
    .split("\n")
    .flatMap((line) => wrapLine(line, width))
    .join("\n");
}

/** The narrow layout of a table: each row's first cell as a heading, then "column: value" pairs wrapped under it. */
export function renderNarrowTable(table: Table, width: number): string {
  return table.rows
    .map((row) => {
      const pairs = table.columns.slice(1).map((column, i) => `${column}: ${row[i + 1] ?? ""}`);
      return [row[0] ?? "", ...wrapLine(pairs.join(" · "), width - 2).map((line) => `  ${line}`)].join("\n");
    })
    .join("\n");
}
