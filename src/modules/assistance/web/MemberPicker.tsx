import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../../web/i18n';
import type { TMemberRow } from '../../members/contract';
import { searchMembers } from './household-api';

const DEBOUNCE_MS = 300;

/**
 * Picks the member a file is built on: members of the caller's subtree found
 * by name prefix or full ID number (the members list route), shown masked.
 * The server checks again that the membership is current (在册 or 保留会籍).
 */
export function MemberPicker({ value, onChange, id }: { value?: number; onChange?: (value: number) => void; id?: string }) {
  const [options, setOptions] = useState<TMemberRow[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const round = useRef(0);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    if (q === '') return;
    timer.current = setTimeout(() => {
      round.current += 1;
      const mine = round.current;
      setSearching(true);
      searchMembers(q)
        .then((page) => mine === round.current && setOptions(page.items))
        .catch(() => mine === round.current && setOptions([]))
        .finally(() => mine === round.current && setSearching(false));
    }, DEBOUNCE_MS);
  };

  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={(next) => onChange?.(next)}
      placeholder={t('hh.field.memberPlaceholder')}
      notFoundContent={searching ? <Spin size="small" /> : null}
      options={options.map((member) => ({
        value: member.id,
        label: `${member.name} · ${member.idNumberMasked} · ${member.orgName}`,
      }))}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
    />
  );
}
