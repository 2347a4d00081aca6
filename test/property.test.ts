import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../src/core/dispatch/grammar.ts";
import { commands } from "../commands/index.ts";
import { ask } from "./helpers.ts";

const anyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        "gpt-5",
        "深度求索",
        "in:",
        "out:1万",
        "cached:",
        "vs",
        "和",
        ":",
        "=",
        '"',
        "/",
        "claude",
        "context:200k",
        "tput:0",
        "util:0%",
        "n:0",
        "gpu:",
        "lang:xx",
        " ",
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(" ")),
);

describe("no input makes a command throw", () => {
  it("parses any text into args or a user error", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        try {
          parseCommandLine(text, commands[0]!.spec.options);
        } catch (error) {
          expect((error as Error).name).toBe("UserError");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every command returns a Reply for arbitrary Unicode input", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands.map((c) => c.spec.name), "nope"), anyText, async (name, text) => {
        const reply = await ask(`/${name} ${text}`);
        expect(typeof reply.ok).toBe("boolean");
        expect(reply.text.length).toBeGreaterThan(0);
        expect(["en", "zh"]).toContain(reply.lang);
        expect(reply.text).not.toMatch(/\bat .+:\d+:\d+\)|TypeError|ReferenceError|undefined|NaN/);
        if (!reply.ok) expect((reply.data as { error: { code: string } }).error.code).not.toBe("internal");
      }),
      { numRuns: 300 },
    );
  });

  it("free text never throws either", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (text) => {
        const reply = await ask(text);
        expect(reply.text).not.toMatch(/undefined|NaN/);
      }),
      { numRuns: 200 },
    );
  });
});

describe("names that are also object keys", () => {
  it.each(["__proto__", "constructor", "toString"])("/providers %s answers as a name it does not know, never an internal error", async (name) => {
    const reply = await ask(`/providers ${name}`);
    expect(reply.text.length).toBeGreaterThan(0);
    if (!reply.ok) expect((reply.data as { error: { code: string } }).error.code).not.toBe("internal");
  });
});
