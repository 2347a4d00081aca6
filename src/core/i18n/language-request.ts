import type { Lang } from "./lang.ts";
import { type Script, toSimplified } from "./script.ts";

/** A line that only asks for the last answer in another language or script: in chinese pls, english?, 繁體中文. */
export interface LanguageRequest {
  lang: Lang;
  /** set when the words name a script (繁体, traditional chinese); else the script the line is typed in decides */
  script?: Script;
}

const POLITE = "(?:pls|please|plz|thx|thanks|again|instead|now|version|too)";
const EN = new RegExp(
  `^(?:(?:pls|please|plz|can you|could you|can u|could u|ok|okay|now)[,\\s]+)*(?:(?:answer|reply|respond|write|say|explain|show|give|repeat|do|translate|put)(?:\\s+(?:that|it|this|me|the answer|again|us))*\\s+)?(?:(?:in|into|to)\\s+)?(simplified chinese|traditional chinese|chinese|mandarin|english)(?:[,\\s]+${POLITE})*$`,
  "u",
);
const ZH =
  /^(?:请|麻烦|可以|能|能不能|可不可以|那)?(?:你)?(?:用|说|讲|改用|换成|换|切换(?:到|成)?|翻译成|转成|改成)?(中文|汉语|华语|简体中文|繁体中文|简体字?|繁体字?|正体中文|英文|英语)(?:来)?(?:回答|回复|答|说|讲|输出|显示|写|版本?|吧|呢|好吗|可以吗|行吗|谢谢|一下|再说一遍|再来一次|重说|啦|得唔得|唔该)*$/u;

/** The language and script a line asks the answer in, when that is all it asks; else null. */
export function languageRequestOf(line: string): LanguageRequest | null {
  const text = toSimplified(line.trim().toLowerCase())
    .replace(/(?:\p{Extended_Pictographic}|\u{FE0F}|[\s!?.,。！？~～、…])+$/u, "")
    .replace(/^[\s,，]+/u, "");
  if (!text || text.length > 60) return null;
  const words = EN.exec(text)?.[1] ?? ZH.exec(text)?.[1];
  if (!words) return null;
  if (/english|英/u.test(words)) return { lang: "en" };
  if (/traditional|繁|正体/u.test(words)) return { lang: "zh", script: "Hant" };
  if (/simplified|简/u.test(words)) return { lang: "zh", script: "Hans" };
  return { lang: "zh" };
}
