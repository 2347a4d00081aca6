export type EncodingName = "o200k_base" | "cl100k_base";

/** The layout of one encoding's shared rank tables; what a worker needs to see them without copying. */
export interface TablesDescription {
  encoding: EncodingName;
  shared: SharedArrayBuffer;
  count: number;
  slotsBits: number;
  bytesAt: number;
  maxLength: number;
}

export interface Tables extends TablesDescription {
  offsets: Uint32Array;
  slotRank: Int32Array;
  slotHash: Int32Array;
  bytes: Uint8Array;
  shift: number;
  mask: number;
}

export const MAX_TOKEN_BYTES: number;
export function loadTables(encoding: EncodingName): Promise<Tables>;
export function describe(tables: Tables): TablesDescription;
export function view(description: TablesDescription): Tables;
export function rankOf(tables: Tables, hash: number, bytes: Uint8Array, from: number, length: number): number;
