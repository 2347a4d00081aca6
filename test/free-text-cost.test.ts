import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { commands } from "../commands/index.ts";
import { FREE_TEXT_BUDGET, parseFreeText, type ScanMeter } from "../src/core/dispatch/grammar.ts";
import { realSnapshot, testDispatcher } from "./helpers.ts";

/** Slack's longest message; a slash command's text is shorter, a Discord option shorter still. */
const SLACK_MESSAGE_CHARS = 40_000;
const askOptions = commands.find((c) => c.spec.name === "ask")!.spec.options;

/** Strings built to hit the scan's worst cases: option words, white space runs, long words, at both ends. */
const adversarialPart = fc.constantFrom("lang:en", "lang:zh", "currency:usd", "chart:off", "private:no", " ", "\t", "\n", "\u3000", "模型", "x".repeat(999), "gpt-5", "lang:");
const adversarial = fc
  .tuple(fc.array(adversarialPart, { maxLength: 40 }), fc.constantFrom(1, 10, 100, 1000), fc.array(adversarialPart, { maxLength: 40 }))
  .map(([head, repeat, tail]) => `${head.join(" ")} ${tail.join(" ").repeat(repeat)}`.slice(0, SLACK_MESSAGE_CHARS));
const anyFreeText = fc.oneof(fc.string({ unit: "binary", maxLength: SLACK_MESSAGE_CHARS }), fc.string({ unit: "grapheme", maxLength: 2000 }), adversarial);

/** CPU time of the whole process (every thread) in ms: waiting for a core on a busy machine does not count. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The cheapest of a few runs, in CPU time: the least disturbed by whatever else the machine is doing. */
async function fastest(runs: number, work: () => unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const started = cpuMs();
    await work();
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

const trailingOptions = (chars: number) => `how much is gpt-5 ${"lang:en ".repeat(chars / 8)}`.slice(0, chars);

describe("the free-text option scan costs time in proportion to the text, whatever it holds", () => {
  it("examines each character a bounded number of times, for random and adversarial text up to Slack's limit", () => {
    fc.assert(
      fc.property(anyFreeText, (text) => {
        const meter: ScanMeter = { steps: 0 };
        try {
          parseFreeText(text, askOptions, meter);
        } catch (error) {
          expect((error as Error).name).toBe("UserError");
        }
        expect(meter.steps).toBeLessThanOrEqual(4 * text.length + 16);
      }),
      { numRuns: 200 },
    );
  });

  it("reads at most its budget of option words at an end; the rest stay part of the question", () => {
    const { args, globals } = parseFreeText(`what does gpt-5 cost ${"lang:zh ".repeat(100)}`, askOptions);
    expect(globals.lang).toBe("zh");
    expect(args.rest.match(/lang:zh/g)).toHaveLength(100 - FREE_TEXT_BUDGET.optionWordsPerEnd);
  });

  it("takes four times as long, not sixteen, for four times the trailing option words", async () => {
    const short = trailingOptions(SLACK_MESSAGE_CHARS / 4);
    const long = trailingOptions(SLACK_MESSAGE_CHARS);
    // repeated so each measurement is far above the timer's resolution
    const parse = (text: string) => () => {
      for (let i = 0; i < 20; i++) parseFreeText(text, askOptions);
    };
    await fastest(3, parse(long)); // warm up
    const ratio = (await fastest(5, parse(long))) / (await fastest(5, parse(short)));
    expect(ratio).toBeLessThan(8);
  });

  it("keeps a whole answer to a pasted question linear in the paste, through the dispatcher", async () => {
    const dispatcher = testDispatcher(await realSnapshot());
    const answer = (text: string) => () => dispatcher.answer({ command: "ask", text, user: { id: "U1" }, isAdmin: false, surface: "test" });
    // the shapes that cost the most: options at the end, options then unpunctuated CJK, runs of white space
    const shapes = [
      trailingOptions,
      (n: number) => `${"lang:en ".repeat(n / 16)}${"模型".repeat(n / 4)}`.slice(0, n),
      (n: number) => `gpt-5 ${"\t ".repeat(n / 2)} lang:en`.slice(0, n),
      (n: number) => `${"chart:off private:no ".repeat(n / 21)}`.slice(0, n),
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...shapes), fc.string({ maxLength: 40 }), async (shape, prefix) => {
        const sized = (chars: number) => prefix + shape(chars);
        await fastest(2, answer(sized(SLACK_MESSAGE_CHARS)));
        // four times the text must not cost sixteen times the time (the best of seven runs, so a busy machine's pauses drop out)
        const ratio = (await fastest(7, answer(sized(SLACK_MESSAGE_CHARS)))) / (await fastest(7, answer(sized(SLACK_MESSAGE_CHARS / 4))));
        expect(ratio).toBeLessThan(10);
      }),
      { numRuns: 8 },
    );
  }, 60_000);
});
