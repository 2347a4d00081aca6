import { createPublicKey, verify, type KeyObject } from "node:crypto";

export function ed25519PublicKey(hex: string): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(hex, "hex").toString("base64url") }, format: "jwk" });
}

/**
 * Discord signs timestamp + raw body with Ed25519; anything else is refused. The check (~0.1 ms of CPU) runs on
 * libuv's thread pool, so the event loop answers others meanwhile.
 */
export function isValidDiscordSignature(key: KeyObject, signatureHex: string | undefined, timestamp: string | undefined, rawBody: Buffer): Promise<boolean> {
  if (!signatureHex || !timestamp || !/^[0-9a-f]{128}$/i.test(signatureHex)) return Promise.resolve(false);
  return new Promise((resolve) =>
    verify(null, Buffer.concat([Buffer.from(timestamp), rawBody]), key, Buffer.from(signatureHex, "hex"), (error, valid) => resolve(!error && valid)),
  );
}
