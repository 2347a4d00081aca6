import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const HISTORY_SIZE = 1000;
/** Pastes are not worth keeping between sessions; a line starting with a space is kept out on purpose (as in bash). */
const LONGEST_KEPT = 2000;

export interface History {
  /** newest first, as readline wants it */
  readonly lines: string[];
  add(line: string): void;
}

function historyPath(): string {
  return join(homedir(), ".modelwise_history");
}

/** The terminal's question history in the user's home (private to them: 0600); a file that cannot be read or written only costs the history. */
export function openHistory(path: string = historyPath()): History {
  let kept: string[] = [];
  try {
    const all = readFileSync(path, "utf8").split("\n").filter(Boolean);
    kept = all.slice(-HISTORY_SIZE);
    // appends grow the file; it is cut back to the last lines now and then
    if (all.length > 2 * HISTORY_SIZE) writeFileSync(path, `${kept.join("\n")}\n`, { mode: 0o600 });
  } catch {
    // no history yet
  }
  const lines = kept.reverse();
  let writable = true;
  return {
    lines,
    add(line) {
      if (!writable || !line.trim() || line.startsWith(" ") || line.length > LONGEST_KEPT) return;
      try {
        appendFileSync(path, `${line.replace(/[\r\n]+/g, " ")}\n`, { mode: 0o600 });
      } catch {
        writable = false;
      }
    },
  };
}
