import * as OpenCC from "opencc-js";

/** Turns Simplified Chinese into the Traditional Chinese Discord shows for zh-TW. */
export type ToTraditional = (simplified: string) => string;

/**
 * OpenCC's mainland → Taiwan conversion with Taiwan's own words (显卡 → 顯示卡, 默认 → 預設), built once: the
 * well-kept converter made for this, instead of a hand-kept table that misses every new word.
 */
export const hanToTraditional: ToTraditional = OpenCC.Converter({ from: "cn", to: "twp" });
