import { describe, expect, it } from "vitest";
import { MessageSigner } from "../src/runtime/redis/shared-knowledge.ts";

const SECRET = Buffer.from("s".repeat(32));
const message = (at: number, nonce = "1") => ({ kind: "reload" as const, from: "bot-a", version: "0123456789ab", at, nonce });

describe("messages between instances are authenticated", () => {
  it("opens a message signed with the shared secret, once", () => {
    let now = 1_800_000_000_000;
    const signer = new MessageSigner(SECRET, () => now);
    const envelope = signer.sign(message(now));
    expect(signer.open(envelope)).toMatchObject({ kind: "reload", from: "bot-a" });
    now += 1_000;
    expect(signer.open(envelope)).toBeNull();
  });

  it("ignores one signed with another secret, unsigned, stale by more than a minute, or naming a strange instance", () => {
    const now = 1_800_000_000_000;
    const ours = new MessageSigner(SECRET, () => now);
    const theirs = new MessageSigner(Buffer.from("x".repeat(32)), () => now);
    expect(ours.open(theirs.sign(message(now)))).toBeNull();
    expect(ours.open(JSON.stringify(message(now)))).toBeNull();
    expect(ours.open(ours.sign(message(now - 61_000, "2")))).toBeNull();
    expect(ours.open(ours.sign(message(now + 61_000, "3")))).toBeNull();
    expect(ours.open(ours.sign({ ...message(now, "4"), from: "<!channel> bot" }))).toBeNull();
    expect(ours.open("not json")).toBeNull();
  });
});
