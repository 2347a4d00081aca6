import { createInterface } from "node:readline";
import type { Dispatcher } from "../../core/dispatch/dispatch.ts";
import { replyToJson } from "../../core/reply/reply.ts";
import { answerLine } from "./session.ts";

/** Scripting mode: one command per input line, one answer per output record (JSON Lines with --json). */
export async function runLineMode(dispatcher: Dispatcher, json: boolean, input: NodeJS.ReadableStream = process.stdin): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    // one piped session is one conversation, as in the REPL: a line can follow up the one before
    const reply = await answerLine(dispatcher, line, `terminal:${process.pid}`);
    process.stdout.write(json ? `${JSON.stringify(replyToJson(reply))}\n` : `${reply.text}\n\n`);
  }
}
