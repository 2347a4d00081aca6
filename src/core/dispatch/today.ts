const DAY_MS = 86_400_000;
let day = "";
let dayStartsAtMs = Number.POSITIVE_INFINITY;

/** Today's date in UTC as YYYY-MM-DD, written once a day instead of for every answer. */
export function utcToday(nowMs: number = Date.now()): string {
  if (nowMs < dayStartsAtMs || nowMs >= dayStartsAtMs + DAY_MS) {
    dayStartsAtMs = Math.floor(nowMs / DAY_MS) * DAY_MS;
    day = new Date(dayStartsAtMs).toISOString().slice(0, 10);
  }
  return day;
}
