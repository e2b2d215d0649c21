import type { FormInstance } from 'antd';

/** A server refusal placed on one form field (antd's name path: list indexes as numbers). */
export type FieldError = { name: (string | number)[]; errors: string[] };

const matches = (pattern: string[], segments: string[]) =>
  pattern.length <= segments.length && pattern.every((part, index) => (part === '*' ? /^\d+$/.test(segments[index]!) : part === segments[index]));

/**
 * Places the server's refusals on the form: each issue's field path
 * (`members.1.idNumber`, `secondaryCauses.0`, `bank.accountNumber`) goes to the
 * deepest form field it falls under (list indexes as numbers, as antd names
 * them); a refusal no field matches — or with no field at all — is returned in
 * `unplaced` for the form's alert. A refusal with details lists every field;
 * otherwise the error's own field and message stand alone.
 */
export function placeFieldErrors(
  error: { message: string; field?: string | undefined; details?: readonly { field: string; message: string }[] },
  fields: readonly string[],
): { placed: FieldError[]; unplaced: string[] } {
  const issues = error.details && error.details.length > 0 ? error.details : [{ field: error.field ?? '', message: error.message }];
  const patterns = fields.map((field) => field.split('.')).sort((a, b) => b.length - a.length);
  const placed = new Map<string, FieldError>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const segments = issue.field === '' ? [] : issue.field.split('.');
    const pattern = segments.length > 0 ? patterns.find((candidate) => matches(candidate, segments)) : undefined;
    if (!pattern) {
      unplaced.push(issue.field && error.details?.length ? `${issue.message}（${issue.field}）` : issue.message);
      continue;
    }
    const name = segments.slice(0, pattern.length).map((segment, index) => (pattern[index] === '*' ? Number(segment) : segment));
    const key = name.join('.');
    const entry = placed.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    placed.set(key, entry);
  }
  return { placed: [...placed.values()], unplaced };
}

/**
 * Shows placed refusals on their fields. The paths come from the server at run
 * time, so antd's typed names cannot know them (hence the cast).
 */
export function showFieldErrors(form: FormInstance, placed: readonly FieldError[]): void {
  form.setFields(placed.map((entry) => ({ name: entry.name as never, errors: entry.errors })));
}
