import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../../web/api/client';
import { t } from '../../../../web/i18n';
import {
  ASSESSMENT_RULE_KIND_LABELS,
  ASSESSMENT_RULE_KINDS,
  BAND_BASIS_LABELS,
  BAND_BASES,
  type TAssessmentRule,
  type TAssessmentScheme,
  type TAssessmentTree,
  type TAssessmentRuleKind,
} from '../../assessment-contract';
import type { TPlanDetail } from '../../contract';
import { measuresInOrder } from '../plan-format';
import { createScheme, saveScheme } from './assessment-api';

type Row = { rowKey: string; level: 'dimension' | 'item' | 'rule'; path: number[]; title: string; weight: number; rule?: TAssessmentRule; children?: Row[] };

let counter = 0;
const newKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter += 1)}`;

/** Hundredths, so the sums shown match the server's exact check. */
const sum = (weights: number[]) => weights.reduce((total, weight) => total + Math.round(weight * 100), 0) / 100;
const isExtra = (rule: TAssessmentRule) => rule.kind === 'bonus' || rule.kind === 'deduction';

function ruleOfKind(kind: TAssessmentRuleKind, base: { key: string; title: string; weight: number; description: string }, indicatorId: number | null): TAssessmentRule {
  switch (kind) {
    case 'indicator':
      return { ...base, kind, indicatorId: indicatorId ?? 0, cap: 1 };
    case 'bands':
      return { ...base, kind, basis: indicatorId ? 'completion' : 'entered', indicatorId, bands: [{ atLeast: 100, points: base.weight }] };
    case 'manual':
      return { ...base, kind };
    case 'bonus':
    case 'deduction':
      return { ...base, kind, pointsEach: null };
  }
}

const bandsText = (rule: Extract<TAssessmentRule, { kind: 'bands' }>) => rule.bands.map((band) => `${band.atLeast}:${band.points}`).join(',');
const parseBands = (text: string) =>
  text
    .split(/[,，]/)
    .map((part) => part.split(/[:：]/).map((value) => Number(value.trim())))
    .filter((pair) => pair.length === 2 && pair.every((value) => Number.isFinite(value)))
    .map(([atLeast, points]) => ({ atLeast: atLeast!, points: points! }));

/**
 * 考核方案 editor: name, year, full score, assessed unions and the tree —
 * dimensions → items → scoring rules with their weights; each parent shows the
 * sum of its children so a mismatch is visible before the server refuses it
 * (naming the node).
 */
export function SchemeEditor({ plan, scheme, onSaved, onCancel }: { plan: TPlanDetail; scheme?: TAssessmentScheme; onSaved: (scheme: TAssessmentScheme) => void; onCancel: () => void }) {
  const { message } = App.useApp();
  const [tree, setTree] = useState<TAssessmentTree>(
    scheme?.tree ?? [{ key: newKey('d'), title: '组织推进', weight: 100, items: [{ key: newKey('i'), title: '工作落实', weight: 100, rules: [{ key: newKey('r'), title: '落实情况', description: '', kind: 'manual', weight: 100 }] }] }],
  );
  const [meta, setMeta] = useState({
    title: scheme?.title ?? `${plan.meta.title ?? ''}考核`.slice(0, 200),
    year: scheme?.year ?? Number(new Date().getFullYear()),
    fullScore: scheme?.fullScore ?? 100,
    orgUnitIds: scheme?.units.map((unit) => unit.id) ?? plan.issues.map((row) => row.orgUnit.id),
  });
  const [saving, setSaving] = useState(false);
  // Expansion is controlled: antd's defaultExpandAllRows applies to the first render only, so a node added later would open collapsed and hide its new child.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const indicators = measuresInOrder(plan.sections).flatMap(({ measure }) => measure.indicators.map((indicator) => ({ value: indicator.id, label: `${measure.no}. ${indicator.subject} ${indicator.value}${indicator.unit}` })));
  const unitOptions = [...plan.issues.map((row) => row.orgUnit), ...(scheme?.units ?? [])].filter((unit, index, all) => all.findIndex((other) => other.id === unit.id) === index).map((unit) => ({ value: unit.id, label: unit.name }));

  const update = (change: (draft: TAssessmentTree) => void) =>
    setTree((current) => {
      const draft = structuredClone(current);
      change(draft);
      return draft;
    });
  const setRule = (path: number[], next: TAssessmentRule) => update((draft) => (draft[path[0]!]!.items[path[1]!]!.rules[path[2]!] = next));
  const setField = (row: Row, field: 'title' | 'weight', value: string | number) =>
    update((draft) => {
      const [d, i, r] = row.path;
      const node = row.level === 'dimension' ? draft[d!]! : row.level === 'item' ? draft[d!]!.items[i!]! : draft[d!]!.items[i!]!.rules[r!]!;
      (node as Record<string, unknown>)[field] = value;
    });

  const rows: Row[] = tree.map((dimension, d) => ({
    rowKey: dimension.key,
    level: 'dimension',
    path: [d],
    title: dimension.title,
    weight: dimension.weight,
    children: dimension.items.map((item, i) => ({
      rowKey: item.key,
      level: 'item',
      path: [d, i],
      title: item.title,
      weight: item.weight,
      children: item.rules.map((rule, r) => ({ rowKey: rule.key, level: 'rule', path: [d, i, r], title: rule.title, weight: rule.weight, rule })),
    })),
  }));

  const parentKeys = rows.flatMap((row) => [row.rowKey, ...(row.children ?? []).map((child) => child.rowKey)]);
  const expandedKeys = parentKeys.filter((key) => !collapsed.has(key));

  const childSum = (row: Row) => {
    const [d, i] = row.path;
    if (row.level === 'dimension') return sum(tree[d!]!.items.map((item) => item.weight));
    if (row.level === 'item') return sum(tree[d!]!.items[i!]!.rules.filter((rule) => !isExtra(rule)).map((rule) => rule.weight));
    return null;
  };

  const save = async () => {
    setSaving(true);
    try {
      const body = { ...meta, planId: plan.id, tree, ...(scheme ? { version: scheme.version } : {}) };
      const saved = scheme ? await saveScheme(scheme.id, body) : await createScheme(body);
      void message.success(t('plans.assessment.saved'));
      onSaved(saved);
    } catch (caught) {
      void message.error(isApiError(caught) ? caught.message : t('page.loadFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="assessment-editor" data-testid="assessment-editor">
      <Form layout="inline" className="assessment-meta">
        <Form.Item label={t('plans.assessment.title')}>
          <Input id="assessment-title" value={meta.title} onChange={(event) => setMeta({ ...meta, title: event.target.value })} style={{ width: 320 }} />
        </Form.Item>
        <Form.Item label={t('plans.assessment.year')}>
          <InputNumber id="assessment-year" value={meta.year} onChange={(value) => setMeta({ ...meta, year: Number(value) })} />
        </Form.Item>
        <Form.Item label={t('plans.assessment.fullScore')} help={t('plans.assessment.sumHint', { sum: sum(tree.map((dimension) => dimension.weight)) })}>
          <InputNumber id="assessment-full" value={meta.fullScore} onChange={(value) => setMeta({ ...meta, fullScore: Number(value) })} />
        </Form.Item>
        <Form.Item label={t('plans.assessment.units')}>
          <Select id="assessment-units" mode="multiple" style={{ minWidth: 320 }} value={meta.orgUnitIds} options={unitOptions} onChange={(value) => setMeta({ ...meta, orgUnitIds: value })} />
        </Form.Item>
      </Form>
      <Table<Row>
        size="small"
        rowKey="rowKey"
        pagination={false}
        dataSource={rows}
        expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => setCollapsed(new Set(parentKeys.filter((key) => !keys.includes(key)))) }}
        columns={[
          {
            title: t('plans.assessment.node'),
            render: (_, row) => <Input size="small" value={row.title} onChange={(event) => setField(row, 'title', event.target.value)} style={{ width: row.level === 'rule' ? 200 : 240 }} />,
          },
          {
            title: t('plans.assessment.weight'),
            width: 200,
            render: (_, row) => {
              const children = childSum(row);
              return (
                <Space size={4}>
                  <InputNumber size="small" min={0} step={0.5} value={row.weight} onChange={(value) => setField(row, 'weight', Number(value ?? 0))} />
                  {children !== null ? <span className={children === row.weight ? 'assessment-sum-ok' : 'assessment-sum-bad'}>{t('plans.assessment.sumHint', { sum: children })}</span> : null}
                </Space>
              );
            },
          },
          {
            title: t('plans.assessment.kind'),
            width: 150,
            render: (_, row) =>
              row.rule ? (
                <Select
                  size="small"
                  style={{ width: 140 }}
                  value={row.rule.kind}
                  options={ASSESSMENT_RULE_KINDS.map((kind) => ({ value: kind, label: ASSESSMENT_RULE_KIND_LABELS[kind] }))}
                  onChange={(kind) => setRule(row.path, ruleOfKind(kind, { key: row.rule!.key, title: row.rule!.title, weight: row.rule!.weight, description: row.rule!.description }, indicators[0]?.value ?? null))}
                />
              ) : null,
          },
          {
            title: t('plans.assessment.config'),
            render: (_, row) => {
              const rule = row.rule;
              if (!rule) return null;
              if (rule.kind === 'indicator')
                return (
                  <Space size={4} wrap>
                    <Select size="small" style={{ width: 240 }} placeholder={t('plans.assessment.indicator')} value={rule.indicatorId || undefined} options={indicators} onChange={(value) => setRule(row.path, { ...rule, indicatorId: value })} />
                    <InputNumber size="small" min={1} step={0.1} value={rule.cap} addonBefore={t('plans.assessment.cap')} onChange={(value) => setRule(row.path, { ...rule, cap: Number(value ?? 1) })} />
                  </Space>
                );
              if (rule.kind === 'bands')
                return (
                  <Space size={4} wrap>
                    <Select size="small" style={{ width: 160 }} value={rule.basis} options={BAND_BASES.map((basis) => ({ value: basis, label: BAND_BASIS_LABELS[basis] }))} onChange={(basis) => setRule(row.path, { ...rule, basis })} />
                    {rule.basis !== 'entered' ? <Select size="small" style={{ width: 200 }} value={rule.indicatorId ?? undefined} options={indicators} onChange={(value) => setRule(row.path, { ...rule, indicatorId: value })} /> : null}
                    <Input size="small" style={{ width: 160 }} title={t('plans.assessment.bands')} defaultValue={bandsText(rule)} onBlur={(event) => setRule(row.path, { ...rule, bands: parseBands(event.target.value) })} />
                  </Space>
                );
              if (rule.kind === 'bonus' || rule.kind === 'deduction')
                return <InputNumber size="small" min={0} value={rule.pointsEach ?? undefined} placeholder={t('plans.assessment.pointsEach')} style={{ width: 220 }} onChange={(value) => setRule(row.path, { ...rule, pointsEach: value === null ? null : Number(value) })} />;
              return null;
            },
          },
          {
            title: '',
            width: 110,
            render: (_, row) => (
              <Space size={2}>
                {row.level !== 'rule' ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<PlusOutlined />}
                    title={row.level === 'dimension' ? t('plans.assessment.addItem') : t('plans.assessment.addRule')}
                    onClick={() =>
                      update((draft) => {
                        const [d, i] = row.path;
                        if (row.level === 'dimension') draft[d!]!.items.push({ key: newKey('i'), title: '新项目', weight: 0, rules: [{ key: newKey('r'), title: '新规则', description: '', kind: 'manual', weight: 0 }] });
                        else draft[d!]!.items[i!]!.rules.push({ key: newKey('r'), title: '新规则', description: '', kind: 'manual', weight: 0 });
                      })
                    }
                  />
                ) : null}
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  title={t('plans.assessment.remove')}
                  onClick={() =>
                    update((draft) => {
                      const [d, i, r] = row.path;
                      if (row.level === 'dimension') draft.splice(d!, 1);
                      else if (row.level === 'item') draft[d!]!.items.splice(i!, 1);
                      else draft[d!]!.items[i!]!.rules.splice(r!, 1);
                    })
                  }
                />
              </Space>
            ),
          },
        ]}
      />
      <Space className="assessment-editor-actions">
        <Button icon={<PlusOutlined />} onClick={() => update((draft) => draft.push({ key: newKey('d'), title: '新维度', weight: 0, items: [{ key: newKey('i'), title: '新项目', weight: 0, rules: [{ key: newKey('r'), title: '新规则', description: '', kind: 'manual', weight: 0 }] }] }))}>
          {t('plans.assessment.addDimension')}
        </Button>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="assessment-save">
          {t('plans.assessment.save')}
        </Button>
        <Button onClick={onCancel}>{t('plans.assessment.cancel')}</Button>
      </Space>
    </div>
  );
}

