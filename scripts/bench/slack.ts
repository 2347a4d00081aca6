import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import autocannon from "autocannon";
import type { Row } from "./tokens.ts";

const root = new URL("../../", import.meta.url).pathname;
const SECRET = "0123456789abcdef0123456789abcdef";

/** Bar 6: Slack acknowledgements under 500 signed slash commands a second, measured by autocannon on loopback. */
export async function slackRows(seconds: number): Promise<Row[]> {
  const api = spawn(process.execPath, ["--import", "tsx", "scripts/bench/fake-slack-api.ts"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  let apiOutput = "";
  api.stdout.on("data", (d) => (apiOutput += String(d)));
  while (!/port \d+/.test(apiOutput)) await new Promise((resolve) => setTimeout(resolve, 20));
  const apiBase = `http://127.0.0.1:${/port (\d+)/.exec(apiOutput)![1]}`;
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=/tmp/sprof"] : []),
      "--import",
      "tsx",
      "scripts/bench/slack-server.ts",
      String(port),
      `${apiBase}/api/`,
      SECRET,
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve) => server.stdout.on("data", (d) => String(d).includes("ready") && resolve()));

  const timestamp = Math.floor(Date.now() / 1000);
  // charts off: each chart is ~15 ms of rasterizing plus an upload, which this bar is not about
  const lines = ["gpt-5 deepseek chart:off", "gemini 2.0 flash, claude opus 4.5 chart:off", "gpt-5 和 深度求索 chart:off"];
  const requests = Array.from({ length: 500 }, (_, i) => {
    const body = new URLSearchParams({
      command: "/compare",
      text: lines[i % lines.length]!,
      user_id: `U${i}`,
      team_id: "T1",
      channel_id: "C1",
      response_url: `${apiBase}/respond/${i}`,
      trigger_id: "t",
    }).toString();
    const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
    return {
      method: "POST" as const,
      path: "/slack/events",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature },
    };
  });
  let next = 0;
  // warm up: the first requests compile code paths and open connections
  await autocannon({ url: `http://127.0.0.1:${port}`, connections: 10, amount: 1000, requests: [{ setupRequest: () => requests[next++ % requests.length]! }] });
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: 50,
    overallRate: 500,
    duration: seconds,
    requests: [{ setupRequest: () => requests[next++ % requests.length]! }],
  });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  server.kill("SIGTERM");
  api.kill("SIGTERM");
  await new Promise((resolve) => api.once("exit", resolve));
  const responses = Number(/answers (\d+)/.exec(apiOutput)?.[1] ?? 0);
  const errors = result.errors + result.timeouts + result.non2xx;
  return [
    {
      figure: `Slack slash-command acknowledgement, ${result.requests.total.toLocaleString("en-US")} signed /compare requests (chart:off) over ${seconds} s`,
      bar: "p99 < 50 ms at 500/s, 0 errors",
      result: `p99 ${result.latency.p99} ms, p50 ${result.latency.p50} ms, ${Math.round(result.requests.average)} req/s, ${errors} errors, ${responses} answers posted`,
      peers: "autocannon, 50 connections",
      ratio: "",
      met: result.latency.p99 < 50 && errors === 0 && result.requests.average >= 475,
    },
  ];
}
