// Child process for the Slack bench's peer: a bare Bolt App, its default HTTPReceiver, a slash command that only acks.
import bolt from "@slack/bolt";

const [port, apiUrl, secret] = process.argv.slice(2);
const app = new bolt.App({
  signingSecret: secret,
  token: "xoxb-bench-token-0000",
  tokenVerificationEnabled: false,
  clientOptions: { slackApiUrl: apiUrl },
  logLevel: bolt.LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
await app.start({ port: Number(port), host: "127.0.0.1" });
console.log("ready");
process.on("SIGTERM", () => process.exit(0));
