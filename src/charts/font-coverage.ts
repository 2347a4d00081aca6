import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The subset of Noto Sans SC Regular that scripts/font-subset.ts writes and the charts load. */
export const FONT_FILE_NAME = "NotoSansSC-Regular.subset.ttf";
/** The family name inside that font, which the SVG names in font-family. */
export const FONT_FAMILY = "Noto Sans SC";

/** Every character GB2312 encodes (rows A1–F7, cells A1–FE), decoded by the platform: no list to download or keep. */
export function gb2312Characters(): string[] {
  const decoder = new TextDecoder("gb2312", { fatal: false });
  const found: string[] = [];
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const char = decoder.decode(Uint8Array.of(row, cell));
      const code = char.codePointAt(0) ?? 0;
      // GBK decoders map GB2312's empty cells to the private use area or U+FFFD
      if ([...char].length !== 1 || code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff) || isGbkAddition(row, cell)) continue;
      found.push(char);
    }
  }
  return found;
}

/**
 * Cells GBK filled after GB2312 (vertical punctuation in row 6, pinyin ḿ ǹ and others in row 8): decoders with the
 * GB18030-2022 mapping (Node 24's ICU) give them real code points where older ones gave private use ones.
 */
function isGbkAddition(row: number, cell: number): boolean {
  return (row === 0xa6 && cell >= 0xd9) || (row === 0xa8 && cell >= 0xbb && cell <= 0xc4);
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
}

/** Symbols charts and answers print that GB2312 lacks or that must not depend on it. */
export const CHART_SYMBOLS = "¥$€£×·–—…%≈≥≤→←↑↓±−÷°′″•‰™©®✓∞⚠";

/** The characters the subset keeps: GB2312, ASCII, Latin-1 and Latin Extended-A, punctuation, CJK and full-width forms, chart symbols. */
export function subsetCharacters(): string[] {
  const chars = new Set<string>([
    ...range(0x20, 0x7e),
    ...range(0xa0, 0x17f),
    ...range(0x2010, 0x2027),
    ...range(0x2030, 0x205e),
    ...range(0x3000, 0x303f),
    ...range(0xff01, 0xff5e),
    ...range(0xffe0, 0xffe6),
    ...CHART_SYMBOLS,
    ...gb2312Characters(),
  ]);
  return [...chars].sort();
}

/**
 * Where the committed subset is: assets/fonts at the package root, found by walking up from this module,
 * so the same code works from src/charts (tsx, vitest) and from a build under dist/.
 */
export function fontFilePath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "assets/fonts", FONT_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`chart font ${FONT_FILE_NAME} not found under assets/fonts; run: npx tsx scripts/font-subset.ts`);
}
