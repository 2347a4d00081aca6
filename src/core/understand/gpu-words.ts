/**
 * GPU names as people type them, known to the knowledge or not: a number beside one is a GPU count, and one the
 * knowledge has no specs for is named back rather than replaced (understand.ts). Regular-expression source, lower case.
 */
export const GPU_WORDS = "h100|h200|h800|h20|a100|a800|b200|b300|gb200|l40s|mi300x?|mi325x|mi355x|v100|a6000|910b|(?:rtx\\s?)?[2-5]0[6-9]0(?:\\s?ti)?";
