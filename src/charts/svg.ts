import { textPaths, textWidth } from "./glyphs.ts";

export const COLORS = { bar: "#2b6cb0", api: "#2b6cb0", self: "#c05621", grid: "#e2e8f0", text: "#1a202c", muted: "#4a5568", mark: "#2f855a" };

export function svgDocument(width: number, height: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="${width}" height="${height}" fill="#ffffff"/>${body}</svg>`;
}

export function text(x: number, y: number, content: string, size: number, options: { anchor?: "start" | "middle" | "end"; color?: string; weight?: number } = {}): string {
  return textPaths(x, y, content, size, options.anchor ?? "start", options.color ?? COLORS.text, options.weight);
}

/** Shrinks a title to fit `width`, cutting it with … only if even 16 px is too wide. */
export function fittedTitle(x: number, y: number, content: string, width: number, size = 24): string {
  let fontSize = size;
  while (fontSize > 16 && textWidth(content, fontSize) > width) fontSize -= 1;
  let shown = content;
  while (textWidth(shown, fontSize) > width && shown.length > 1) shown = `${[...shown].slice(0, -2).join("")}…`;
  return text(x, y, shown, fontSize, { weight: 700 });
}
