import type { FormInstance } from 'antd';
import { isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';

/**
 * Puts a failed request's message on the form field the server named
 * (`error.field`; 'profile.idNumber' is the form's 'idNumber') and returns
 * undefined, or returns the message for the form's alert when no field of the
 * form matches.
 */
export function placeServerError(form: FormInstance, caught: unknown, fields: readonly string[]): string | undefined {
  const message = isApiError(caught) ? caught.message : t('page.loadFailed');
  const field = isApiError(caught) ? caught.field?.replace(/^profile\./, '') : undefined;
  if (field && fields.includes(field)) {
    form.setFields([{ name: field, errors: [message] }]);
    form.scrollToField(field);
    return undefined;
  }
  return message;
}
