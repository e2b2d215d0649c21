import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Select, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useLoad } from '../../../../web/api/use-load';
import { LoadError } from '../../../../web/components/LoadError';
import { t } from '../../../../web/i18n';
import { useMe } from '../../../../web/session/session';
import { ASSESSMENT_RULE_KIND_LABELS, type TAssessmentScheme } from '../../assessment-contract';
import type { TPlanDetail } from '../../contract';
import { fetchScheme, fetchSchemes } from './assessment-api';
import { RoundPanel } from './RoundPanel';
import { SchemeEditor } from './SchemeEditor';
import './assessment.css';

type TreeRow = { key: string; title: string; weight: number; kind: string; children?: TreeRow[] };

/**
 * 考核 (issue 5): the plan's assessment schemes — the indicator tree with
 * weights, rounds with the ranking, each union's score sheet (entries and
 * adjustments with reasons when the viewer's union is the assessing one),
 * publishing and the Excel export.
 */
export function AssessmentTab({ plan }: { plan: TPlanDetail }) {
  const me = useMe();
  const list = useLoad(() => fetchSchemes(plan.id), [plan.id]);
  const [schemeId, setSchemeId] = useState<number | undefined>();
  const [scheme, setScheme] = useState<TAssessmentScheme | undefined>();
  const [mode, setMode] = useState<'view' | 'create' | 'edit'>('view');
  useEffect(() => {
    if (schemeId === undefined && list.data?.items[0]) setSchemeId(list.data.items[0].id);
  }, [list.data, schemeId]);
  useEffect(() => {
    if (schemeId !== undefined) void fetchScheme(schemeId).then(setScheme);
  }, [schemeId]);

  if (list.error) return <LoadError error={list.error} inline onRetry={list.reload} />;
  const canCreate = me.permissions.includes('plans.write') && plan.viewer.relation !== 'above';
  if (mode !== 'view')
    return (
      <SchemeEditor
        plan={plan}
        scheme={mode === 'edit' ? scheme : undefined}
        onCancel={() => setMode('view')}
        onSaved={(saved) => {
          setScheme(saved);
          setSchemeId(saved.id);
          setMode('view');
          list.reload();
        }}
      />
    );

  const rows: TreeRow[] = (scheme?.tree ?? []).map((dimension) => ({
    key: dimension.key,
    title: dimension.title,
    weight: dimension.weight,
    kind: '',
    children: dimension.items.map((item) => ({ key: item.key, title: item.title, weight: item.weight, kind: '', children: item.rules.map((rule) => ({ key: rule.key, title: rule.title, weight: rule.weight, kind: ASSESSMENT_RULE_KIND_LABELS[rule.kind] })) })),
  }));

  return (
    <div className="plans-assessment" data-testid="plan-assessment">
      <Space wrap className="assessment-head">
        {list.data && list.data.items.length > 0 ? (
          <Select style={{ width: 360 }} value={schemeId} onChange={setSchemeId} options={list.data.items.map((item) => ({ value: item.id, label: `${item.title}（${item.orgUnit.name}）` }))} />
        ) : null}
        {canCreate ? (
          <Button icon={<PlusOutlined />} onClick={() => setMode('create')} data-testid="assessment-create">
            {t('plans.assessment.create')}
          </Button>
        ) : null}
        {scheme?.can.edit ? <Button onClick={() => setMode('edit')}>{t('plans.assessment.edit')}</Button> : null}
      </Space>
      {list.data && list.data.items.length === 0 ? <Empty description={t('plans.assessment.empty')} /> : null}
      {scheme ? (
        <>
          <Card size="small" title={`${t('plans.assessment.scheme')} · ${scheme.title}`}>
            <Descriptions size="small" column={3} items={[
              { key: 'org', label: t('plans.issuedBy', { org: '' }).replace(/：$/, ''), children: scheme.orgUnit.name },
              { key: 'full', label: t('plans.assessment.fullScore'), children: scheme.fullScore },
              { key: 'units', label: t('plans.assessment.units'), children: scheme.units.map((unit) => unit.name).join('、') },
            ]} />
            <Table<TreeRow>
              // Keyed by scheme: defaultExpandAllRows applies on mount only, and another scheme's nodes would open collapsed.
              key={scheme.id}
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={rows}
              expandable={{ defaultExpandAllRows: true }}
              data-testid="assessment-tree"
              columns={[
                { title: t('plans.assessment.node'), dataIndex: 'title' },
                { title: t('plans.assessment.weight'), dataIndex: 'weight', width: 90, align: 'right' },
                { title: t('plans.assessment.kind'), dataIndex: 'kind', width: 160 },
              ]}
            />
          </Card>
          <RoundPanel key={scheme.id} scheme={scheme} onSchemeChange={setScheme} />
        </>
      ) : null}
    </div>
  );
}
