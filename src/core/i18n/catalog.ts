import type { en } from "./en.ts";

/** A phrase, or its plural forms chosen by the `count` parameter (Intl.PluralRules categories). */
export type Message = string | { readonly one?: string; readonly other: string };
export type MessageKey = keyof typeof en;
/** Every language's catalogue has every key of the English one. */
export type Catalogue = { readonly [K in MessageKey]: Message };
