/** RGBA pixels (width × height × 4 bytes, row after row) as a PNG file: filter 0, deflated at `level` (default 1). */
export function encodePng(rgba: Uint8Array, width: number, height: number, level?: number): Buffer;
