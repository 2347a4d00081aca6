import type { DictGroup } from "opencc-js/core";
import { configs } from "opencc-js/preset";
import { PhraseTable } from "./phrase-table.ts";

/** One of OpenCC's conversions as its preset describes it (the published types leave out the normalization). */
interface ConversionConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictGroup;
  conversionChain: readonly DictGroup[];
}

/** OpenCC's conversion names: s2twp is Simplified → Traditional with Taiwan's words, tw2s Taiwan's characters → Simplified. */
export type ConversionName = "s2tw" | "s2twp" | "tw2s" | "tw2sp";

const tables = new Map<string, PhraseTable>();
const dictIds = new Map<DictGroup[number], number>();

/** A dictionary group's table, built once however many conversions use it (s2tw and s2twp share their two largest). */
function tableFor(group: DictGroup): PhraseTable {
  const key = group.map((dict) => dictIds.get(dict) ?? dictIds.set(dict, dictIds.size).get(dict)).join(",");
  let table = tables.get(key);
  if (!table) {
    table = new PhraseTable(group);
    tables.set(key, table);
  }
  return table;
}

/**
 * OpenCC's own conversion, step for step as `OpenCC.Converter` runs it (normalize, segment, convert each segment
 * group by group), with each dictionary group's table shared between conversions instead of built per converter.
 */
export function sharedConverter(name: ConversionName): (text: string) => string {
  const config = (configs as Record<string, ConversionConfig>)[name]!;
  const normalize = (config.normalizationChain ?? []).map(tableFor);
  const segmentation = config.segmentation ? tableFor(config.segmentation) : null;
  const chain = config.conversionChain.map(tableFor);
  return (text) => {
    const normalized = normalize.reduce((s, table) => table.convert(s), text);
    const segments = segmentation ? segmentation.segment(normalized) : [normalized];
    return chain.reduce((parts, table) => parts.map((part) => table.convert(part)), segments).join("");
  };
}
