/** Bounds on what an uploaded table may make the server do; every one is a file-level refusal. */
export type TableFileLimits = {
  /** Size of the uploaded file, checked before anything is read. */
  maxFileBytes: number;
  /** xlsx: sum of the declared uncompressed sizes of all parts. */
  maxUncompressedBytes: number;
  /** xlsx: the shared-string table is held in memory while the sheet is read. */
  maxSharedStringsBytes: number;
  /** CSV: one field (Excel itself stops at 32,767 characters per cell). */
  maxFieldChars: number;
  /** CSV: one record, quoted line breaks included. */
  maxLineChars: number;
  /** Both: columns of the header row (CSV: of any record). */
  maxColumns: number;
};

const MB = 1024 * 1024;

export const DEFAULT_TABLE_LIMITS: TableFileLimits = {
  maxFileBytes: 200 * MB,
  maxUncompressedBytes: 2048 * MB,
  maxSharedStringsBytes: 256 * MB,
  maxFieldChars: 10_000,
  maxLineChars: MB,
  maxColumns: 200,
};

// Zip-bomb rule: an entry this large that compressed better than this ratio is refused.
export const BOMB_MIN_ENTRY_BYTES = 10 * MB;
export const BOMB_MAX_RATIO = 200;

/** `200 MB`, `2 GB`: sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MB && bytes % (1024 * MB) === 0) return `${bytes / (1024 * MB)} GB`;
  if (bytes >= MB) return `${Math.round((bytes / MB) * 10) / 10} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
