import { z } from 'zod';
import type { TMetricParam } from './contract';

/** Metadata an enum parameter carries so a binding form can show Chinese option labels. */
type EnumParamMeta = { description: string; optionLabels: Readonly<Record<string, string>> };

/**
 * An enum parameter whose options have Chinese labels (就业形态: 劳动合同制, 快递员…).
 * A plain `z.enum([...]).describe('…')` works too; its options are then shown by value.
 */
export function metricEnumParam<K extends string>(labels: Readonly<Record<K, string>>, label: string) {
  const values = Object.keys(labels) as K[];
  if (values.length === 0) {
    throw new Error(`enum parameter ${label} has no options`);
  }
  return z.enum(values as [K, ...K[]], { message: `请选择${label}` }).meta({ description: label, optionLabels: labels } satisfies EnumParamMeta);
}

/** `.optional()` and `.default()` wrap the parameter's own schema. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; required: boolean; label: string | undefined } {
  let current = schema;
  let required = true;
  let label = schema.description;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    required = false;
    current = current.unwrap() as z.ZodType;
    label ??= current.description;
  }
  return { inner: current, required, label };
}

/** A bound the schema set (`.int()` alone implies ±MAX_SAFE_INTEGER, which a form need not show). */
const bound = (name: 'min' | 'max', value: number | null) =>
  value !== null && Math.abs(value) < Number.MAX_SAFE_INTEGER ? { [name]: value } : {};

/** The label of a parameter (its `.describe()`), or its name when it has none. */
export function metricParamLabel(params: z.ZodObject, name: string): string {
  const field = params.shape[name] as z.ZodType | undefined;
  return (field && unwrap(field).label) ?? name;
}

/**
 * A metric's parameters as a binding form needs them, from its zod schema.
 * Only integers, strings and enums can be bound (a form can render them and an
 * indicator can store them); anything else, or a parameter without a
 * `.describe()` label, is refused when the app starts.
 */
export function describeMetricParams(metricId: string, params: z.ZodObject): TMetricParam[] {
  return Object.entries(params.shape as Record<string, z.ZodType>).map(([name, field]) => {
    const { inner, required, label } = unwrap(field);
    if (!label) {
      throw new Error(`统计指标 ${metricId} 的参数 ${name} 缺少中文名称（.describe('…')）`);
    }
    const base = { name, label, required };
    if (inner instanceof z.ZodNumber && inner.isInt) {
      return { ...base, type: 'integer', ...bound('min', inner.minValue), ...bound('max', inner.maxValue) };
    }
    if (inner instanceof z.ZodString) {
      return { ...base, type: 'string' };
    }
    if (inner instanceof z.ZodEnum) {
      const optionLabels = (z.globalRegistry.get(inner) as Partial<EnumParamMeta> | undefined)?.optionLabels ?? {};
      const options = inner.options.map((value) => ({ value: String(value), label: optionLabels[String(value)] ?? String(value) }));
      return { ...base, type: 'enum', options };
    }
    throw new Error(`统计指标 ${metricId} 的参数 ${name}（${label}）类型不受支持：只能是整数（z.number().int()）、文本（z.string()）或枚举（z.enum）`);
  });
}
