// Child process for the Slack bench's peer: a bare Bolt App, its default HTTPReceiver, a slash command that only acks.
import bolt from "@slack/bolt";

const [apiUrl, secret] = process.argv.slice(2);
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
const server = await app.start({ port: 0, host: "127.0.0.1" });
console.log(`port ${server.address().port}`);
process.on("SIGTERM", () => process.exit(0));
