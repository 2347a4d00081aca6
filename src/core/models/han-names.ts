/**
 * Chinese model names inside a run of Han characters ("深度求索和通义千问哪个便宜"), found in one pass:
 * at each position only the names starting with that character are tried, longest first, so the work is
 * linear in the run whatever its length.
 */
export class HanNames<T> {
  private readonly byFirst = new Map<string, { name: string; value: T }[]>();

  constructor(entries: Iterable<[name: string, value: T]>) {
    for (const [name, value] of entries) {
      if (!name) continue;
      const first = name[0]!;
      const list = this.byFirst.get(first) ?? [];
      list.push({ name, value });
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length);
  }

  /** Values of the names found left to right, each once; `meter` counts the names tried. */
  find(run: string, meter?: { probes: number }): T[] {
    return this.findNames(run, meter).map((hit) => hit.value);
  }

  /** The names found left to right (each value once), with where each ends in the run. */
  findNames(run: string, meter?: { probes: number }): { name: string; value: T; end: number }[] {
    const found: { name: string; value: T; end: number }[] = [];
    for (let i = 0; i < run.length; ) {
      const hit = this.byFirst.get(run[i]!)?.find((entry) => {
        if (meter) meter.probes++;
        return run.startsWith(entry.name, i);
      });
      if (hit && !found.some((f) => f.value === hit.value)) found.push({ ...hit, end: i + hit.name.length });
      i += hit ? hit.name.length : 1;
    }
    return found;
  }
}
