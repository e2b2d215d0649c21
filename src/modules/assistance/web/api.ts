import { ApiError, apiGet } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import { type TClassification, type TClassifyInput, ZClassification, ZStandardRegions } from '../contract';

export const fetchStandardRegions = () => apiGet('/api/assistance/regions', ZStandardRegions);

type ErrorBody = { error?: { code?: string; message?: string; field?: string; details?: { field?: string; message?: string }[] } };

/**
 * The self-test is sent without cookies: it is anonymous whoever holds the
 * browser (a signed-in clerk's session is neither used nor needed, so no CSRF
 * token either). A refusal naming a field carries that field's own message.
 */
export async function postSelfTest(input: TClassifyInput): Promise<TClassification> {
  let response: Response;
  try {
    response = await fetch('/api/assistance/self-test', {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ApiError({ code: 'NETWORK', message: t('error.network'), status: 0 });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as ErrorBody | undefined)?.error;
    const detail = error?.details?.find((item) => item.field === error.field);
    throw new ApiError({
      code: error?.code ?? 'HTTP',
      message: detail?.message ?? error?.message ?? t('error.http', { status: response.status }),
      status: response.status,
      field: error?.field,
    });
  }
  const parsed = ZClassification.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({ code: 'BAD_RESPONSE', message: t('error.badResponse'), status: response.status });
  }
  return parsed.data;
}
