import { App, LogLevel } from "@slack/bolt";

/** Child process for bar 6's peer: a bare Bolt App, its default HTTPReceiver, a slash command that only acks. */
const [port, apiUrl, secret] = process.argv.slice(2) as [string, string, string];
const app = new App({
  signingSecret: secret,
  token: "xoxb-bench-token-0000",
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: apiUrl },
  logLevel: LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
await app.start({ port: Number(port), host: "127.0.0.1" });
console.log("ready");
process.on("SIGTERM", () => process.exit(0));
