import { cpus, totalmem } from "node:os";
import { chartRows } from "./bench/charts.ts";
import { discordRows } from "./bench/discord.ts";
import { installSizeRows } from "./bench/install-size.ts";
import { latencyRows } from "./bench/latency.ts";
import { slackRows } from "./bench/slack.ts";
import { startRows } from "./bench/start.ts";
import { tokenRows, type Row } from "./bench/tokens.ts";
import { understandingRows } from "./bench/understanding.ts";

/** npm run bench [-- --quick] [-- --only=<part of a section name>]: every speed figure with its bar and the named peers, all measured in this run. */
const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const rows: Row[] = [];
const section = async (name: string, run: () => Promise<Row[]> | Row[]) => {
  if (only && !name.toLowerCase().includes(only.toLowerCase())) return;
  process.stderr.write(`measuring ${name}…\n`);
  rows.push(...(await run()));
};
await section("token counting", () => tokenRows(quick ? 0.6 : 1));
await section("latency", () => latencyRows(quick ? 0.2 : 1));
await section("understanding, self-hosting and hostile input", () => understandingRows(quick ? 0.2 : 1));
await section("start-up", () => startRows(quick ? 2 : 5));
await section("install size", installSizeRows);
await section("charts", () => chartRows(quick ? 0.3 : 1));
await section("Slack under load", () => slackRows(quick ? 3 : 20));
await section("Discord HTTP interactions under load", () => discordRows(quick ? 3 : 20));

const cell = (text: string) => text.replace(/\|/g, "\\|");
console.log(`\nmodelwise bench${quick ? " (--quick)" : ""}: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log("| figure | bar | result | peers (same run) | ratio | met |");
console.log("|---|---|---|---|---|---|");
for (const r of rows)
  console.log(`| ${cell(r.figure)} | ${cell(r.bar)} | ${cell(r.result)} | ${cell(r.peers)} | ${cell(r.ratio)} | ${r.met === null ? "" : r.met ? "yes" : "**no**"} |`);
process.exit(0);
