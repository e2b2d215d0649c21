import { DownloadOutlined, SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { type CSSProperties, useCallback, useEffect, useRef, useState } from 'react';
import {
  AUDIT_EXPORT,
  AUDIT_EXPORT_MAX_ROWS,
  type TAuditEvent,
  type TAuditResult,
  ZAuditEventPage,
} from '../../core/audit/contract';
import { ApiError, apiGet, isApiError, withQuery } from '../api/client';
import { ExportPurposeDialog } from '../components/ExportPurposeDialog';
import { LoadError } from '../components/LoadError';
import { type MessageKey, t } from '../i18n';
import { useMe } from '../session/session';

const PAGE_SIZE = 50;

/** The filters as the API takes them (see ZAuditEventFilter). */
type Filter = { actor?: string; action?: string; result?: TAuditResult; from?: string; to?: string; orgUnitId?: number };

type FormValues = {
  actor?: string;
  action?: string;
  result?: TAuditResult;
  range?: [Dayjs | null, Dayjs | null] | null;
  orgUnitId?: number;
};

const blank = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

// The platform keeps China Standard Time (UTC+8, as the exports do), whatever the browser's zone.
const beijingMidnight = (day: Dayjs) => `${day.format('YYYY-MM-DD')}T00:00:00+08:00`;
const BEIJING_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
/** `2026-11-21 14:38:26`, Beijing time. */
const formatTime = (iso: string) => BEIJING_TIME.format(new Date(iso));

/** Form -> API filter. Days are whole Beijing days: from 00:00 of the first to 00:00 after the last. */
function toFilter(values: FormValues): Filter {
  const [start, end] = values.range ?? [null, null];
  return {
    actor: blank(values.actor)?.toLowerCase(),
    action: blank(values.action),
    result: values.result,
    from: start ? beijingMidnight(start) : undefined,
    to: end ? beijingMidnight(end.add(1, 'day')) : undefined,
    orgUnitId: values.orgUnitId,
  };
}

const ACTION_KEYS: Readonly<Record<string, MessageKey>> = {
  'auth.login': 'audit.action.auth.login',
  'auth.logout': 'audit.action.auth.logout',
  'auth.lockout': 'audit.action.auth.lockout',
  'auth.second_factor': 'audit.action.auth.second_factor',
  'auth.totp_enrol': 'audit.action.auth.totp_enrol',
  'auth.switch_org': 'audit.action.auth.switch_org',
  'audit.view': 'audit.action.audit.view',
  'audit.export': 'audit.action.audit.export',
  'orgs.create': 'audit.action.orgs.create',
  'orgs.edit': 'audit.action.orgs.edit',
  'orgs.move': 'audit.action.orgs.move',
  'orgs.dissolve': 'audit.action.orgs.dissolve',
  'orgs.merge': 'audit.action.orgs.merge',
};

const PREFIX_KEYS: Readonly<Record<string, MessageKey>> = {
  'auth.': 'audit.prefix.auth',
  'audit.': 'audit.prefix.audit',
  'orgs.': 'audit.prefix.orgs',
};

const CATEGORY_KEYS: Readonly<Record<string, MessageKey>> = {
  auth: 'audit.category.auth',
  write: 'audit.category.write',
  'sensitive-read': 'audit.category.sensitive-read',
  export: 'audit.category.export',
  admin: 'audit.category.admin',
};

const TARGET_KEYS: Readonly<Record<string, MessageKey>> = {
  account: 'audit.target.account',
  org_unit: 'audit.target.org_unit',
  person: 'audit.target.person',
};

const RESULTS: Readonly<Record<TAuditResult, { key: MessageKey; color: string }>> = {
  success: { key: 'audit.result.success', color: 'success' },
  failure: { key: 'audit.result.failure', color: 'error' },
  denied: { key: 'audit.result.denied', color: 'warning' },
};

const labelOf = (table: Readonly<Record<string, MessageKey>>, code: string) => {
  const key = table[code];
  return key ? t(key) : undefined;
};

const actionOption = (value: string, text: string) => ({ value, title: text, label: <OptionLabel code={value} text={text} /> });

/** Typing `login` or `登录` finds `auth.login`. */
const matchesAction = (input: string, option: { value?: unknown; title?: unknown } | undefined) => {
  const needle = input.trim().toLowerCase();
  return String(option?.value ?? '').includes(needle) || String(option?.title ?? '').includes(needle);
};

const ACTION_OPTIONS = [
  {
    label: t('audit.actionGroup.prefix'),
    options: Object.entries(PREFIX_KEYS).map(([value, key]) => actionOption(value, t(key))),
  },
  {
    label: t('audit.actionGroup.exact'),
    options: Object.entries(ACTION_KEYS).map(([value, key]) => actionOption(value, t(key))),
  },
];

const CODE_STYLE: CSSProperties = { color: '#8a919c', fontSize: 12, marginLeft: 6 };

function OptionLabel({ code, text }: { code: string; text: string }) {
  return (
    <span>
      {text}
      <span className="mono" style={CODE_STYLE}>
        {code}
      </span>
    </span>
  );
}

const EMPTY = t('orgs.empty');

function ActorCell({ event }: { event: TAuditEvent }) {
  if (event.actorLogin) {
    return (
      <span>
        {event.actorName ?? event.actorLogin}
        {event.actorName && (
          <span className="mono" style={CODE_STYLE}>
            {event.actorLogin}
          </span>
        )}
      </span>
    );
  }
  // A failed sign-in: nobody is signed in; the login that was typed is in the details.
  const typed = typeof event.details.login === 'string' ? event.details.login : undefined;
  return (
    <Tooltip title={typed ? t('audit.typedLogin', { login: typed }) : undefined}>
      <span style={{ whiteSpace: 'nowrap' }}>
        <Tag style={{ marginInlineEnd: 2 }}>{t('audit.anonymous')}</Tag>
        {typed && (
          <span className="mono" style={CODE_STYLE}>
            {typed}
          </span>
        )}
      </span>
    </Tooltip>
  );
}

function EventDetails({ event }: { event: TAuditEvent }) {
  const hasDetails = Object.keys(event.details).length > 0;
  return (
    <div style={{ padding: '4px 8px' }}>
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'seq', label: t('audit.detail.seq'), children: <span className="mono">{event.seq}</span> },
          { key: 'category', label: t('audit.detail.category'), children: labelOf(CATEGORY_KEYS, event.category) ?? event.category },
          { key: 'requestId', label: t('audit.detail.requestId'), children: <span className="mono">{event.requestId ?? EMPTY}</span> },
        ]}
      />
      <div style={{ marginTop: 4, color: '#5c6370', fontSize: 12 }}>{t('audit.detail.details')}</div>
      <pre
        data-testid="audit-details"
        className="mono"
        style={{ margin: '2px 0 0', padding: '6px 10px', background: '#f6f8fa', border: '1px solid #e5e8ed', borderRadius: 4, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
      >
        {hasDetails ? JSON.stringify(event.details, null, 2) : t('audit.detail.none')}
      </pre>
    </div>
  );
}

type ListState = { items: TAuditEvent[]; nextCursor: number | null; loading: boolean; error: ApiError | undefined };

/** Pages through the trail for `filter`, newest first; `more()` appends the next (older) page. */
function useAuditEvents(filter: Filter) {
  const [state, setState] = useState<ListState>({ items: [], nextCursor: null, loading: true, error: undefined });
  const round = useRef(0);

  const fetchPage = useCallback(
    async (before: number | undefined) => {
      const current = ++round.current;
      setState((previous) => ({ ...previous, loading: true, error: undefined, ...(before === undefined ? { items: [] } : {}) }));
      try {
        const page = await apiGet(withQuery('/api/audit/events', { ...filter, before, limit: PAGE_SIZE }), ZAuditEventPage);
        if (current !== round.current) return;
        setState((previous) => ({
          items: before === undefined ? page.items : [...previous.items, ...page.items],
          nextCursor: page.nextCursor,
          loading: false,
          error: undefined,
        }));
      } catch (error) {
        if (current !== round.current) return;
        const apiError = isApiError(error) ? error : new ApiError({ code: 'CLIENT', message: t('page.loadFailed'), status: 0 });
        setState((previous) => ({ ...previous, loading: false, error: apiError }));
      }
    },
    [filter],
  );

  useEffect(() => {
    void fetchPage(undefined);
  }, [fetchPage]);

  return {
    ...state,
    more: () => (state.nextCursor === null ? undefined : void fetchPage(state.nextCursor)),
    reload: () => void fetchPage(undefined),
  };
}

/** 审计日志: the audit trail within the caller's org subtree, filtered, paged by seq, exportable with a purpose. */
export function AuditPage() {
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [filter, setFilter] = useState<Filter>({});
  const [exporting, setExporting] = useState(false);
  const events = useAuditEvents(filter);
  const canExport = me.permissions.includes(AUDIT_EXPORT);

  // Units to filter by: the acting unit, and every unit seen in the rows so far.
  const [units, setUnits] = useState<ReadonlyMap<number, string>>(() => new Map([[me.org.id, me.org.name]]));
  useEffect(() => {
    setUnits((previous) => {
      const fresh = events.items.filter((event) => event.actorOrgUnitId !== null && !previous.has(event.actorOrgUnitId));
      if (fresh.length === 0) return previous;
      const next = new Map(previous);
      for (const event of fresh) next.set(event.actorOrgUnitId as number, event.actorOrgName ?? `#${event.actorOrgUnitId}`);
      return next;
    });
  }, [events.items]);

  const applyFilter = (values: FormValues) => setFilter(toFilter(values));
  const pickOrg = (orgUnitId: number) => {
    form.setFieldValue('orgUnitId', orgUnitId);
    applyFilter(form.getFieldsValue());
  };

  const columns: ColumnsType<TAuditEvent> = [
    {
      title: t('audit.col.time'),
      dataIndex: 'occurredAt',
      width: 158,
      render: (value: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatTime(value)}</span>,
    },
    { title: t('audit.col.actor'), key: 'actor', width: 150, render: (_, event) => <ActorCell event={event} /> },
    {
      title: t('audit.col.org'),
      key: 'org',
      width: 180,
      ellipsis: true,
      render: (_, event) =>
        event.actorOrgUnitId === null ? (
          EMPTY
        ) : (
          <Tooltip title={t('audit.filterByOrg')}>
            <a
              href={`?orgUnitId=${event.actorOrgUnitId}`}
              onClick={(clicked) => {
                clicked.preventDefault();
                pickOrg(event.actorOrgUnitId as number);
              }}
            >
              {event.actorOrgName ?? `#${event.actorOrgUnitId}`}
            </a>
          </Tooltip>
        ),
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      width: 200,
      render: (action: string) => {
        const label = labelOf(ACTION_KEYS, action);
        return label ? <OptionLabel code={action} text={label} /> : <span className="mono">{action}</span>;
      },
    },
    {
      title: t('audit.col.target'),
      key: 'target',
      width: 130,
      ellipsis: true,
      render: (_, event) =>
        event.targetType ? (
          <span>
            {labelOf(TARGET_KEYS, event.targetType) ?? event.targetType}
            {event.targetId !== null && <span className="mono" style={{ fontSize: 12 }}>{` #${event.targetId}`}</span>}
          </span>
        ) : (
          EMPTY
        ),
    },
    {
      title: t('audit.col.result'),
      dataIndex: 'result',
      width: 68,
      render: (result: string) => {
        const known = RESULTS[result as TAuditResult] as (typeof RESULTS)[TAuditResult] | undefined;
        return known ? (
          <Tag color={known.color} style={{ marginInlineEnd: 0 }}>
            {t(known.key)}
          </Tag>
        ) : (
          result
        );
      },
    },
    {
      title: t('audit.col.ip'),
      dataIndex: 'ip',
      width: 120,
      render: (ip: string | null) => <span className="mono" style={{ fontSize: 12 }}>{ip ?? EMPTY}</span>,
    },
    { title: t('audit.col.reason'), dataIndex: 'reason', ellipsis: true, render: (reason: string | null) => reason ?? EMPTY },
  ];

  const startExport = (purpose: string) => {
    setExporting(false);
    // A plain navigation: the answer is an attachment, so the page stays; the
    // session cookie authenticates the GET and no CSRF token is needed.
    window.location.assign(withQuery('/api/audit/export', { ...filter, purpose }));
    void message.info(t('export.started'));
  };

  return (
    <Card size="small" data-testid="audit-page">
      <Form<FormValues>
        form={form}
        layout="inline"
        size="small"
        onFinish={applyFilter}
        style={{ rowGap: 8, marginBottom: 10 }}
        data-testid="audit-filters"
      >
        <Form.Item name="actor" label={t('audit.filter.actor')}>
          <Input allowClear placeholder={t('audit.filter.actorPlaceholder')} style={{ width: 140 }} data-testid="filter-actor" />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filter.action')}>
          <AutoComplete
            allowClear
            options={ACTION_OPTIONS}
            placeholder={t('audit.filter.actionPlaceholder')}
            style={{ width: 170 }}
            popupMatchSelectWidth={260}
            showSearch={{ filterOption: (input, option) => matchesAction(input, option as { value?: unknown; title?: unknown }) }}
          />
        </Form.Item>
        <Form.Item name="result" label={t('audit.filter.result')}>
          <Select<TAuditResult>
            allowClear
            style={{ width: 90 }}
            options={(Object.keys(RESULTS) as TAuditResult[]).map((value) => ({ value, label: t(RESULTS[value].key) }))}
          />
        </Form.Item>
        <Form.Item name="range" label={t('audit.filter.time')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('audit.filter.org')}>
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.filter.orgPlaceholder')}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
            options={[...units].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('audit.filter.search')}
          </Button>
        </Form.Item>
        <Form.Item>
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              form.resetFields();
              setFilter({});
            }}
          >
            {t('audit.filter.reset')}
          </Button>
        </Form.Item>
        {canExport && (
          <Form.Item style={{ marginInlineStart: 'auto', marginInlineEnd: 0 }}>
            <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)} data-testid="audit-export">
              {t('audit.export')}
            </Button>
          </Form.Item>
        )}
      </Form>

      {events.error && (
        <div style={{ marginBottom: 8 }}>
          <LoadError inline error={events.error} onRetry={events.reload} />
        </div>
      )}
      <Table<TAuditEvent>
        size="small"
        rowKey="seq"
        data-testid="audit-table"
        columns={columns}
        dataSource={events.items}
        loading={events.loading && events.items.length === 0}
        pagination={false}
        scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (event) => <EventDetails event={event} /> }}
        locale={{ emptyText: events.loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} /> }}
      />
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, marginTop: 10 }}>
        <span className="card-note">
          {t('audit.shown', { n: events.items.length })}
          {events.nextCursor === null && events.items.length > 0 && !events.loading && ` · ${t('audit.end')}`}
          {` · ${t('audit.viewNote')}`}
        </span>
        {events.nextCursor !== null && (
          <Button size="small" loading={events.loading} onClick={events.more} data-testid="audit-more">
            {t('audit.loadMore')}
          </Button>
        )}
      </div>

      {canExport && (
        <ExportPurposeDialog
          open={exporting}
          title={t('audit.export.title')}
          intro={t('audit.export.intro', { max: AUDIT_EXPORT_MAX_ROWS.toLocaleString('zh-CN') })}
          onCancel={() => setExporting(false)}
          onConfirm={startExport}
        />
      )}
    </Card>
  );
}
