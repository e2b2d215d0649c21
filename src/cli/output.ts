import { AppError } from '../core/http/errors';

/** Every command prints human text, or JSON with --json, and exits non-zero on failure. */
export type CommandResult = { text: string; json: unknown };

export function printResult(result: CommandResult, asJson: boolean): void {
  console.log(asJson ? JSON.stringify(result.json, null, 2) : result.text);
}

export function printFailure(error: unknown, asJson: boolean): void {
  const failure =
    error instanceof AppError
      ? { code: error.code, message: error.message, field: error.field }
      : { code: 'FAILED', message: error instanceof Error ? error.message : String(error) };
  if (asJson) {
    console.log(JSON.stringify({ error: failure }, null, 2));
  } else {
    console.error(`错误：${failure.message}`);
  }
}

export class UsageError extends Error {}
