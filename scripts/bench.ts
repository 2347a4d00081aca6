import { chartRows } from "./bench/charts.ts";
import { discordRows } from "./bench/discord.ts";
import { hostilePasteRows } from "./bench/hostile-pastes.ts";
import { installSizeRows } from "./bench/install-size.ts";
import { latencyRows } from "./bench/latency.ts";
import { machineAfter, machineBefore } from "./bench/machine.ts";
import { slackRows } from "./bench/slack.ts";
import { startRows } from "./bench/start.ts";
import { tokenRows, type Row } from "./bench/tokens.ts";
import { understandingRows } from "./bench/understanding.ts";

/** npm run bench [-- --quick] [-- --only=<part of a section name>]: every speed figure with its bar and the named peers, all measured in this run. */
const quick = process.argv.includes("--quick");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const rows: Row[] = [];
// which machine, and how busy it was before anything ran: figures from a loaded machine are read as ratios to peers
const before = await machineBefore();
process.stderr.write(`${before}\n`);
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
await section("Slack under load", () => slackRows(quick ? 3 : 8));
await section("Discord HTTP interactions under load", () => discordRows(quick ? 3 : 8));
await section("Slack beside hostile pastes", () => hostilePasteRows(quick ? 3 : 5));

const cell = (text: string) => text.replace(/\|/g, "\\|");
console.log(`\nmodelwise bench${quick ? " (--quick)" : ""}${only ? ` (--only=${only})` : ""}\n${before}\n${await machineAfter()}\n`);
console.log("| figure | bar | result | peers (same run) | ratio | met |");
console.log("|---|---|---|---|---|---|");
for (const r of rows)
  console.log(`| ${cell(r.figure)} | ${cell(r.bar)} | ${cell(r.result)} | ${cell(r.peers)} | ${cell(r.ratio)} | ${r.met === null ? "" : r.met ? "yes" : "**no**"} |`);
process.exit(0);
