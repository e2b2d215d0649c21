/** Why an uploaded table cannot be read at all (as opposed to a row with errors). */
export type TableFileErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'OLD_XLS'
  | 'XLSB'
  | 'NOT_A_TABLE'
  | 'XLSX_INVALID'
  | 'XLSX_ENCRYPTED'
  | 'ZIP_BOMB'
  | 'TOO_MANY_STRINGS'
  | 'ENCODING'
  | 'NO_HEADER'
  | 'FIELD_TOO_LONG'
  | 'LINE_TOO_LONG'
  | 'TOO_MANY_COLUMNS'
  | 'UNCLOSED_QUOTE';

/** A file-level refusal; `message` is Chinese and tells the user what to do. */
export class TableFileError extends Error {
  override readonly name = 'TableFileError';

  constructor(
    readonly code: TableFileErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
