import { toTraditional } from "../../core/i18n/script.ts";

/** Turns Simplified Chinese into the Traditional Chinese Discord shows for zh-TW. */
export type ToTraditional = (simplified: string) => string;

/** OpenCC's mainland → Taiwan conversion with Taiwan's own words (显卡 → 顯示卡, 默认 → 預設): the one answers use too. */
export const hanToTraditional: ToTraditional = toTraditional;
