import type { TMetricParam } from '../../../core/metrics/contract';

/** What the binding form holds for one parameter before it is sent: a number, a text, an option, or nothing. */
export type ParamInput = number | string | null | undefined;

/**
 * The parameters of a binding as the registry expects them, from the form's
 * values: integers as numbers, texts trimmed, and optional parameters left
 * empty omitted — the registry refuses unknown or malformed keys rather than
 * dropping them (src/core/metrics/evaluate-metric.ts), so nothing empty is sent.
 */
export function bindingParams(params: readonly TMetricParam[], values: Readonly<Record<string, ParamInput>>): Record<string, number | string> {
  const result: Record<string, number | string> = {};
  for (const param of params) {
    const value = values[param.name];
    if (value === null || value === undefined) continue;
    if (param.type === 'integer') {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (String(value).trim() !== '' && Number.isFinite(number)) result[param.name] = number;
      continue;
    }
    const text = String(value).trim();
    if (text !== '') result[param.name] = text;
  }
  return result;
}

/** The form's values for a stored binding (only the parameters the metric still takes). */
export function paramInputs(params: readonly TMetricParam[], stored: Readonly<Record<string, unknown>>): Record<string, ParamInput> {
  const result: Record<string, ParamInput> = {};
  for (const param of params) {
    const value = stored[param.name];
    if (typeof value === 'number' || typeof value === 'string') result[param.name] = value;
  }
  return result;
}

/** The form field a server error names: `params.year` → `year`; anything else is the metric choice's. */
export function paramFieldOf(field: string | undefined, params: readonly TMetricParam[]): string | undefined {
  const name = field?.startsWith('params.') ? field.slice('params.'.length) : undefined;
  return name && params.some((param) => param.name === name) ? name : undefined;
}
