/**
 * Builds assets/fonts/NotoSansSC-Regular.subset.ttf, the only font the charts load.
 *
 * Source: Noto Sans SC Regular (SIL Open Font License 1.1), as published by Google Fonts
 * (https://fonts.google.com/noto/specimen/Noto+Sans+SC, repository https://github.com/notofonts/noto-cjk).
 * This script reads the copy the npm package @expo-google-fonts/noto-sans-sc@0.4.3 ships
 * (400Regular/NotoSansSC_400Regular.ttf, 10.6 MB). Pass another path to use another copy:
 *   npx tsx scripts/font-subset.ts [path/to/NotoSansSC-Regular.ttf]
 *
 * The subset keeps every character GB2312 encodes (its 6,763 Han characters, punctuation, full-width forms),
 * Latin with its accents, and the symbols charts print; the licence goes beside it as OFL.txt.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { FONT_FILE_NAME, subsetCharacters } from "../src/charts/font-coverage.ts";

// subset-font ships no type declarations
const subsetFont = createRequire(import.meta.url)("subset-font") as (font: Buffer, text: string, options: { targetFormat: "truetype"; noHinting: boolean }) => Promise<Buffer>;

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const packageDir = join(root, "node_modules/@expo-google-fonts/noto-sans-sc");
const source = process.argv[2] ?? join(packageDir, "400Regular/NotoSansSC_400Regular.ttf");
const outDir = join(root, "assets/fonts");

if (!existsSync(source)) {
  console.error(`No source font at ${source}. Install @expo-google-fonts/noto-sans-sc@0.4.3 temporarily, or pass the path of NotoSansSC-Regular.ttf.`);
  process.exit(1);
}

const characters = subsetCharacters();
// hinting only matters for small screen text; charts are rasterized at 2× from outlines
const subset = await subsetFont(readFileSync(source), characters.join(""), { targetFormat: "truetype", noHinting: true });
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, FONT_FILE_NAME), subset);
const licence = join(packageDir, "LICENSE_FONT");
if (existsSync(licence)) copyFileSync(licence, join(outDir, "OFL.txt"));
console.log(`${FONT_FILE_NAME}: ${characters.length} characters, ${(subset.length / 1e6).toFixed(2)} MB (source ${(readFileSync(source).length / 1e6).toFixed(2)} MB)`);
