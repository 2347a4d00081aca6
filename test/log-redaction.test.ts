import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createInteractionsServer } from "../src/adapters/discord/http-interactions.ts";
import { InFlight } from "../src/runtime/in-flight.ts";
import { createLogger } from "../src/runtime/logger.ts";
import { redactLogLine } from "../src/runtime/redact.ts";
import { ed25519Keys, interaction, signDiscord } from "./fakes/discord.ts";
import { RecordingServer, sendJson } from "./fakes/recorder.ts";
import { stubDispatcher } from "./fakes/stub-dispatcher.ts";

/** What the bot's own logger writes, line by line, with a way to await a line. */
function logSink() {
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      const line = String(chunk);
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.pattern.test(line))) waiter.resolve(line);
      done();
    },
  });
  const next = (pattern: RegExp) => new Promise<string>((resolve) => waiters.push({ pattern, resolve }));
  return { stream, lines, next };
}

// an interaction token as Discord makes them: base64 of "interaction:<id>:<secret>"
const TOKEN = `aW50ZXJhY3Rpb246${Buffer.from(`1234567890:${"s".repeat(90)}`).toString("base64url")}`;

describe("no log line holds a credential that came in with a request", () => {
  it("a Discord chart and note that cannot be delivered are logged without the interaction token", async () => {
    // Discord's API refusing every call, as when the token has expired
    const api = new RecordingServer(async (_request, response) => sendJson(response, 404, { message: "Unknown Webhook", code: 10015 }));
    const apiUrl = `${await api.listen()}/api`;
    const sink = logSink();
    const logger = createLogger("info", sink.stream);
    const keys = ed25519Keys();
    const inFlight = new InFlight();
    const server = createInteractionsServer({ dispatcher: stubDispatcher().dispatcher, logger, inFlight, adminRoleIds: [] }, { publicKeyHex: keys.publicKeyHex, apiUrl });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const lost = sink.next(/could not be posted/);
      const body = JSON.stringify({ ...interaction({ name: "compare", options: [{ name: "models", type: 3, value: "gpt-5 deepseek" }] }), token: TOKEN });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-signature-ed25519": signDiscord(keys.privateKey, timestamp, body), "x-signature-timestamp": timestamp },
        body,
      });
      expect(response.status).toBe(200);
      const line = await lost;
      expect(api.requests.some((r) => r.path.includes(TOKEN))).toBe(true);
      expect(line).toContain("/webhooks/");
      expect(line).toContain("[redacted]");
      expect(sink.lines.join("")).not.toContain(TOKEN.slice(0, 40));
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await inFlight.drain();
      await api.close();
    }
  });

  it.each([
    ["a Slack response URL", { response_url: "https://hooks.slack.com/commands/T1/123/abcdef" }, "hooks.slack.com/commands"],
    ["a response URL pointing anywhere", { response_url: "http://proxy.internal/respond/abc" }, "proxy.internal"],
    ["a Slack webhook in an error message", { err: { message: "POST https://hooks.slack.com/services/T1/B2/xyz failed" } }, "hooks.slack.com/services"],
    ["a payload serialized inside a field", { body: JSON.stringify({ token: "verification-abc", response_url: "http://x/respond/1" }) }, "verification-abc"],
    ["a password written into a URL", { url: "redis://:hunter2-secret@redis:6379", api: "http://ada:pw-secret@proxy/api/" }, "secret"],
    ["an interaction token in text", { text: `token ${TOKEN} expired` }, TOKEN.slice(0, 30)],
  ])("%s", (_name, fields, secret) => {
    const sink = logSink();
    createLogger("info", sink.stream).info(fields, "something happened");
    expect(sink.lines).toHaveLength(1);
    expect(sink.lines[0]).not.toContain(secret);
    expect(JSON.parse(sink.lines[0]!).msg).toBe("something happened");
    expect(redactLogLine(sink.lines[0]!)).toBe(sink.lines[0]);
  });
});
