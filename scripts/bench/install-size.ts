import { execFileSync } from "node:child_process";
import type { Row } from "./tokens.ts";

const root = new URL("../../", import.meta.url).pathname;

/** Bytes on disk of the packages `npm ci --omit=dev` would install, read from this node_modules (no network). */
function productionInstallMB(): { mb: number; packages: number } {
  const listed = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const paths = [...new Set(listed.split("\n").filter((line) => line.includes("/node_modules/")))];
  // a package nested in another's node_modules is counted once, with its parent
  const tops = paths.filter((path) => !paths.some((other) => other !== path && path.startsWith(`${other}/`)));
  const kb = tops.reduce((sum, path) => sum + Number(execFileSync("du", ["-sk", path], { encoding: "utf8" }).split("\t")[0]), 0);
  return { mb: kb / 1024, packages: paths.length };
}

export function installSizeRows(): Row[] {
  const { mb, packages } = productionInstallMB();
  return [
    {
      figure: "production install (npm ci --omit=dev), node_modules on disk",
      bar: "< 120 MB",
      result: `${mb.toFixed(0)} MB, ${packages} packages`,
      peers: "",
      ratio: "",
      met: mb < 120,
    },
  ];
}
