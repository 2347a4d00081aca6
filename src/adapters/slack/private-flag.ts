const PRIVATE = /(^|\s)(?:private|私密)[:=：](?:yes|true|1|on|是)(?=\s|$)/iu;

/** `private:yes` anywhere in a command asks for an answer only the asker sees. */
export function takePrivateFlag(text: string): { text: string; isPrivate: boolean } {
  if (!PRIVATE.test(text)) return { text, isPrivate: false };
  return { text: text.replace(PRIVATE, "$1").replace(/\s{2,}/g, " ").trim(), isPrivate: true };
}
