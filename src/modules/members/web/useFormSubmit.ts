import type { FormInstance } from 'antd';
import { useState } from 'react';
import { placeServerError } from './form-errors';

/**
 * A dialog's submit: checks the fields (they show what is missing), sends the
 * request, and puts a failure on the field the server names (one of `fields`)
 * or returns it as `error` for the dialog's alert.
 */
export function useFormSubmit<V>(form: FormInstance<V>, fields: readonly string[], send: (values: V) => Promise<void>) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setSubmitting(true);
    setError(undefined);
    try {
      await send(values);
    } catch (caught) {
      setError(placeServerError(form, caught, fields));
    } finally {
      setSubmitting(false);
    }
  };
  return { submitting, error, submit, clearError: () => setError(undefined) };
}
