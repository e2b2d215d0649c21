import { Select, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../../web/i18n';
import { searchUnionDirectory, type TUnionDirectoryEntry } from './api';

const DEBOUNCE_MS = 300;

/**
 * Picks a union from the province-wide directory (转会的接收工会): the list is
 * asked for as the user types (after a pause), by part of the name or the
 * exact code. `excludeId` (the member's own union) is shown but cannot be chosen.
 */
export function UnionDirectorySelect({
  id,
  value,
  onChange,
  excludeId,
}: {
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  excludeId?: number;
}) {
  const [entries, setEntries] = useState<TUnionDirectoryEntry[]>([]);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (text: string) => {
    clearTimeout(timer.current);
    const q = text.trim();
    if (!q) {
      setEntries([]);
      return;
    }
    timer.current = setTimeout(() => {
      const mine = ++latest.current;
      setSearching(true);
      searchUnionDirectory(q).then(
        (result) => {
          if (mine === latest.current) setEntries(result.items);
        },
        () => {
          if (mine === latest.current) setEntries([]);
        },
      ).finally(() => {
        if (mine === latest.current) setSearching(false);
      });
    }, DEBOUNCE_MS);
  };

  return (
    <Select<number>
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: search }}
      placeholder={t('members.transfer.toPlaceholder')}
      notFoundContent={searching ? <Spin size="small" /> : t('members.transfer.noMatch')}
      popupMatchSelectWidth
      options={entries.map((entry) => ({
        value: entry.id,
        disabled: entry.id === excludeId,
        label: entry.name,
        entry,
      }))}
      optionRender={(option) => (
        <div className="union-option">
          <span className="union-option-name">
            {option.data.entry.name}
            {option.data.entry.id === excludeId && t('members.transfer.sameUnion')}
          </span>
          <span className="union-option-meta">
            {option.data.entry.parentName ? `${option.data.entry.parentName} · ` : ''}
            <span className="mono">{option.data.entry.code}</span>
          </span>
        </div>
      )}
    />
  );
}
