/** The form two model names are compared in: case, width, spaces, dashes, dots and underscores ignored. */
export function normalizeName(name: string): string {
  // most names are ASCII, where NFKC changes nothing and costs the most
  // "Command R+" is sold as such and listed as command-r-plus: a "+" closing a name is "plus"
  return (ASCII.test(name) ? name : name.normalize("NFKC"))
    .toLowerCase()
    .replace(/(?<=[a-z0-9])\+(?![a-z0-9])/g, "plus")
    .replace(/[\s\-_.·/]+/g, "");
}

const ASCII = /^[ -~\t\n\r]*$/;

/** Words of a free-text line, with Han runs split from Latin ones ("deepseek和gpt-5" → deepseek, 和, gpt-5). */
export function nameTokens(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .replace(/(\p{Script=Han}+)/gu, " $1 ")
      // Chinese punctuation ends a word as a space does: "。deepseek", "「gpt-5」", "【qwen】" are the names alone
      .split(/[\s,，、;；:：!！?？()（）"'“”‘’`。｡「」『』【】《》〈〉〔〕…]+/u)
      .map((token) => token.replace(/^[.-]+|[.-]+$/g, ""))
      .filter(Boolean)
  );
}

export function digitsOf(text: string): string {
  return text.replace(/\D+/g, "");
}
