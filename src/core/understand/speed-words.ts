// A speed in tokens a second, and whose it is: each user's, a throughput to reach, or one the asker measured.

/** "每秒 3000 token": a throughput said before its number. */
export const TPUT_BEFORE = /(?:每秒|per second)\s?(?:要|需要|大概|约|达到|支撑)?\s?$/u;
export const TPUT_AFTER = /^\s?(?:tokens?|toks?|token)?\s?(?:\/\s?s\b|per second|\/秒|每秒)/u;
const PER_USER_SPEED_AFTER = /^\s?(?:each|apiece|per (?:user|person|stream|request|session)|for each (?:user|one))\b/u;
const PER_USER_SPEED_BEFORE = /(?:每人|每个用户|每位用户|每个请求|单用户|每路)\s?(?:要|需要|至少|大约|约)?\s?$|\bat\s$/u;
const AT_BEFORE = /\bat\s$/u;
const USERS_AT_ONCE = /concurrent|at once|simultaneous|parallel (?:users|streams|sessions)|并发|同时在线|同时/u;
/** "to serve 2000 tokens/s", "need 5k tok/s", "要支撑 3000 token/秒": a throughput the deployment must reach. */
const TARGET_SPEED_BEFORE =
  /\b(?:serve|serving|handle|sustain|support|need|needs|target(?:ing)?|reach|deliver|hit)\b[^,;，；。\d]{0,30}$|(?:要|需要|达到|支撑|撑住|目标)[^,;，；。\d]{0,12}$/u;

/**
 * Whose speed a number before TPUT_AFTER is: "30 tok/s each", "每人 30 token/秒" are each user's; "at 2000 tokens/s"
 * with no users said, or "to serve 2000 tokens/s", a throughput to size for; "our box does 2500 tokens/s" measured.
 */
export function speedKind(text: string, left: string, right: string): "perUser" | "target" | "measured" {
  const perUser = PER_USER_SPEED_AFTER.test(right.replace(TPUT_AFTER, "")) || PER_USER_SPEED_BEFORE.test(left);
  if (perUser && !(AT_BEFORE.test(left) && !USERS_AT_ONCE.test(text))) return "perUser";
  return perUser || TARGET_SPEED_BEFORE.test(left) ? "target" : "measured";
}
