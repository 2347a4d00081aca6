import * as OpenCC from "opencc-js/t2cn";

const toCn = OpenCC.Converter({ from: "tw", to: "cn" });
const HAN = /\p{Script=Han}/u;

/**
 * A question in Traditional characters read as Simplified ("每月輸入5億" → "每月输入5亿"), so numbers (億, 萬), the
 * words around them and Chinese model names are read the same in either script. OpenCC's Taiwan → mainland
 * conversion, the well-kept converter the Discord adapter also uses; it keeps each character in place.
 */
export function asSimplified(text: string): string {
  return HAN.test(text) ? toCn(text) : text;
}
