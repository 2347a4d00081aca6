import { type DictGroup, Trie } from "opencc-js/core";
import { configs } from "opencc-js/preset";

/** One of OpenCC's conversions as its preset describes it (the published types leave out the normalization). */
interface ConversionConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictGroup;
  conversionChain: readonly DictGroup[];
}

/** OpenCC's conversion names: s2twp is Simplified → Traditional with Taiwan's words, tw2s Taiwan's characters → Simplified. */
export type ConversionName = "s2tw" | "s2twp" | "tw2s" | "tw2sp";

const tries = new Map<string, Trie>();
const dictIds = new Map<DictGroup[number], number>();

/** A dictionary group's trie, built once however many conversions use it (s2tw and s2twp share two of ~20 MB each). */
function trieFor(group: DictGroup): Trie {
  const key = group.map((dict) => dictIds.get(dict) ?? dictIds.set(dict, dictIds.size).get(dict)).join(",");
  let trie = tries.get(key);
  if (!trie) {
    trie = new Trie();
    trie.loadDictGroup(group);
    tries.set(key, trie);
  }
  return trie;
}

/**
 * OpenCC's own conversion, step for step as `OpenCC.Converter` runs it (normalize, segment, convert each segment
 * group by group), with the dictionaries' tries shared between conversions instead of built per converter.
 */
export function sharedConverter(name: ConversionName): (text: string) => string {
  const config = (configs as Record<string, ConversionConfig>)[name]!;
  const normalize = (config.normalizationChain ?? []).map(trieFor);
  const segmentation = config.segmentation ? trieFor(config.segmentation) : null;
  const chain = config.conversionChain.map(trieFor);
  return (text) => {
    const normalized = normalize.reduce((s, trie) => trie.convert(s), text);
    const segments = segmentation ? segmentation.segment(normalized) : [normalized];
    return chain.reduce((parts, trie) => parts.map((part) => trie.convert(part)), segments).join("");
  };
}
