/**
 * GPU names as people type them, known to the knowledge or not: a number beside one is a GPU count, and one the
 * knowledge has no specs for is named back rather than replaced (understand.ts). Regular-expression source, lower case.
 * 昇腾 is matched as 升腾 too: questions are read in Simplified, and the conversion turns 昇 into 升.
 */
export const GPU_WORDS =
  "h100|h200|h800|h20|a100|a800|a10g?|a30|a40|b200|b300|gb200|l40s?|l4|t4|p100|mi300x?|mi325x|mi355x|mi250x?|mi210|v100|a6000|rtx\\s?6000(?:\\s?ada)?|(?:ascend\\s?|[昇升]腾\\s?)910[bc]?|910[bc]|(?:rtx\\s?)?[2-5]0[6-9]0(?:\\s?(?:ti|d|super))?|tpu\\s?v\\d[a-z]?|gaudi\\s?\\d|trainium\\d?|inferentia\\d?|rtx\\s?pro\\s?6000|p40|l20|m[1-4]\\s?(?:ultra|max)|mac\\s?studio";

/**
 * Words after a GPU's name that make it another card than the one the knowledge has under that name ("H100 NVL",
 * "A100 40GB", "4090D"), unless they are part of a name it knows ("H100 PCIe") or its own memory ("H200 141GB").
 */
export const GPU_VARIANT = /^[\s-]?(nvl|\d{2,3}\s?gb?|pcie|sxm\d?|ada|d|ti|super|max-q)(?![\p{L}\p{N}])/u;

/** A count beside a GPU's name: "2x h100", "h100 x 8", "4 张 4090". */
export const GPU_AFTER = new RegExp(
  `^\\s?(?:x|×|\\*)?\\s?(?:张|張|块|塊|台|个|個|片|卡)?\\s?(?:(?:rented|owned|spare|dedicated|reserved|used|new|cloud|extra|more|of our|of the)\\s)?(?:nvidia\\s|英伟达\\s?|amd\\s)?(?:${GPU_WORDS}|gpus?\\b|显卡|卡\\b)`,
  "u",
);
export const GPU_BEFORE = new RegExp(`(?:${GPU_WORDS}|pcie)s?\\s?(?:x|×|\\*)?\\s?$`, "u");
// Chinese may follow a GPU's name without a space ("昇腾910B自建"): only Latin letters or digits go on to another word
export const GPU_NAMED = new RegExp(`^(?:${GPU_WORDS})(?![a-z0-9])`, "u");
export const COUNT_AFTER = /^\s?(?:张|張|块|塊|台|卡|片)/u;
