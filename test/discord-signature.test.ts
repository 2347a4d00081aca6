import { describe, expect, it } from "vitest";
import { ed25519PublicKey, isValidDiscordSignature } from "../src/adapters/discord/signature.ts";
import { ed25519Keys, signDiscord } from "./fakes/discord.ts";

/** The signature check gives the same verdict inline (few interactions in hand) and on libuv's pool (a flood). */
describe("Discord's Ed25519 check, inline and on the thread pool", () => {
  const keys = ed25519Keys();
  const other = ed25519Keys();
  const key = ed25519PublicKey(keys.publicKeyHex);
  const timestamp = "1700000000";
  const body = '{"type":2,"id":"1"}';
  const signature = signDiscord(keys.privateKey, timestamp, body);

  for (const inHand of [0, 4, 5, 100]) {
    it(`with ${inHand} interactions in hand: accepts Discord's signature, refuses another key's, a changed body or timestamp`, async () => {
      expect(await isValidDiscordSignature(key, signature, timestamp, Buffer.from(body), inHand)).toBe(true);
      expect(await isValidDiscordSignature(key, signDiscord(other.privateKey, timestamp, body), timestamp, Buffer.from(body), inHand)).toBe(false);
      expect(await isValidDiscordSignature(key, signature, timestamp, Buffer.from(body.replace("2", "1")), inHand)).toBe(false);
      expect(await isValidDiscordSignature(key, signature, "1700000001", Buffer.from(body), inHand)).toBe(false);
      expect(await isValidDiscordSignature(key, "0".repeat(128), timestamp, Buffer.from(body), inHand)).toBe(false);
    });
  }
});
