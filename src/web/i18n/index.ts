import { messages as zhCN, type MessageKey, type Messages } from './zh-CN';

export type { MessageKey };

const catalogue: Messages = zhCN;

/** The UI text for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  const text = catalogue[key];
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}

const ROLE_KEYS: Record<string, MessageKey> = {
  clerk: 'role.clerk',
  reviewer: 'role.reviewer',
  head: 'role.head',
  sysadmin: 'role.sysadmin',
  secadmin: 'role.secadmin',
  auditadmin: 'role.auditadmin',
};

/** 经办人 / 审核人 / 负责人; an unknown role code is shown as is. */
export const roleLabel = (role: string): string => {
  const key = ROLE_KEYS[role];
  return key ? t(key) : role;
};
