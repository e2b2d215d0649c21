import { IMPORT_MAX_BYTES } from '../../contract';
import { t } from '../../../../web/i18n';
import { formatBytes } from './format';

export const IMPORT_MAX_MB = IMPORT_MAX_BYTES / 1024 / 1024;

/** What is wrong with a chosen file before it is sent: a title and, where it helps, what to do. */
export type FileProblem = { title: string; description?: string };

/**
 * The checks the browser can make at once: the kind by its name (the server
 * checks the content again), the size cap, an empty file. Old binary .xls
 * files are common in unions' archives; they get the way to convert them.
 */
export function checkImportFile(file: File): FileProblem | undefined {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls')) return { title: t('members.import.oldXls'), description: t('members.import.oldXlsHint') };
  if (!name.endsWith('.xlsx') && !name.endsWith('.csv')) return { title: t('members.import.wrongType', { name: file.name }) };
  if (file.size === 0) return { title: t('members.import.empty') };
  if (file.size > IMPORT_MAX_BYTES) {
    return { title: t('members.import.tooLarge', { size: formatBytes(file.size), max: IMPORT_MAX_MB }) };
  }
  return undefined;
}
