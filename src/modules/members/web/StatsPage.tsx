import { ArrowLeftOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Grid, Row, Spin } from 'antd';
import { useCallback, useState } from 'react';
import { useLoad } from '../../../web/api/use-load';
import { LoadError } from '../../../web/components/LoadError';
import { OrgTreeSelect, useScopeRoot } from '../../../web/components/OrgTreeSelect';
import { useMe } from '../../../web/session/session';
import { AgeBandChart } from './stats/AgeBandChart';
import { type ChildRow, ChildBarChart, childChartHeight } from './stats/ChildBarChart';
import { FormPie, formHeightNarrow } from './stats/FormPie';
import { GenderPie } from './stats/GenderPie';
import { StatCards } from './stats/StatCards';
import { TrendChart } from './stats/TrendChart';
import { UnionTypes } from './stats/UnionTypes';
import { fetchMemberStats } from './stats/api';
import { TEXT, dateLabel, fill } from './stats/format';
import './stats/stats.css';

// Panel heights: on wide screens the child chart is as tall as the trend and
// employment-form panels stacked beside it (two card heads of 38 + padding + gap).
const TREND_HEIGHT = 280;
const FORM_HEIGHT = 300;
const CARD_CHROME = 38 + 24;
const SMALL_HEIGHT = 240;

type Visited = { id: number; name: string };

/**
 * 会员统计: the key figures and charts of a unit's subtree (default: the acting
 * unit), from the maintained counters. Picking a unit, or clicking a child's
 * bar, shows that unit; "返回" goes back up the units drilled through.
 */
export function StatsPage() {
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const wide = screens.xl === true;
  const narrow = screens.md !== true;
  // The picker lists units from /api/orgs/children, which needs orgs.read.
  const canPick = me.permissions.includes('orgs.read');
  const scopeRoot = useScopeRoot(canPick);
  const [orgId, setOrgId] = useState(me.org.id);
  const [history, setHistory] = useState<Visited[]>([]);
  const [preload, setPreload] = useState<number[]>([]);
  const stats = useLoad(() => fetchMemberStats(orgId), [orgId]);
  const data = stats.data;

  const drill = useCallback(
    (child: ChildRow) => {
      if (!data || child.id === orgId) return;
      const here = { id: data.root.id, name: data.root.name };
      setHistory((previous) => [...previous, here]);
      // Load the unit's children into the picker so it can show the child's name.
      setPreload([here.id]);
      setOrgId(child.id);
    },
    [data, orgId],
  );
  const pick = (id: number) => {
    setHistory([]);
    setOrgId(id);
  };
  const back = () => {
    const previous = history.at(-1);
    if (!previous) return;
    setHistory(history.slice(0, -1));
    setOrgId(previous.id);
  };
  const previous = history.at(-1);

  const formHeight = narrow ? formHeightNarrow(data?.byForm.length ?? 10) : FORM_HEIGHT;
  const besideChild = TREND_HEIGHT + formHeight + CARD_CHROME + 12;
  const leaf = data !== undefined && data.byChild.length === 0;
  const childHeight = childChartHeight(data?.byChild.length ?? 12, wide ? besideChild : 280);

  const toolbar = (
    <Card size="small" className="stats-toolbar">
      <div className="stats-toolbar-row">
        <div className="stats-scope">
          <label className="stats-scope-label" htmlFor="stats-org">
            {TEXT.scope}
          </label>
          <div className="stats-scope-picker" data-testid="stats-org">
            {canPick ? (
              <OrgTreeSelect
                id="stats-org"
                root={scopeRoot}
                value={scopeRoot ? orgId : undefined}
                onChange={pick}
                placeholder={TEXT.scopeLoading}
                preload={preload}
              />
            ) : (
              <span className="stats-scope-name">{data?.root.name ?? me.org.name}</span>
            )}
          </div>
          {previous && (
            <Button size="small" icon={<ArrowLeftOutlined />} onClick={back} data-testid="stats-back">
              {fill(TEXT.back, { name: previous.name })}
            </Button>
          )}
        </div>
        <div className="stats-asof">
          {TEXT.asOf} <strong data-testid="stats-asof">{data ? dateLabel(data.asOf) : '—'}</strong>
        </div>
      </div>
      <div className="card-note stats-source">
        <InfoCircleOutlined /> {TEXT.source}
      </div>
    </Card>
  );

  if (stats.error && !data) {
    return (
      <div className="stats-page">
        {toolbar}
        <LoadError error={stats.error} onRetry={stats.reload} />
      </div>
    );
  }

  return (
    <div className="stats-page" data-testid="stats-page" data-org-id={data?.root.id}>
      {toolbar}
      <Spin spinning={stats.loading && data !== undefined} delay={200}>
        <div className="stats-body">
          <StatCards stats={data} />
          <Row gutter={[12, 12]}>
            {leaf ? (
              // A unit without children (a grassroots union): no per-child chart, the trend and forms side by side.
              <>
                <Col xs={24} xl={12}>
                  <TrendChart stats={data} height={formHeight} />
                </Col>
                <Col xs={24} xl={12}>
                  <FormPie stats={data} height={formHeight} narrow={narrow} />
                </Col>
              </>
            ) : (
              <>
                <Col xs={24} xl={14}>
                  <ChildBarChart stats={data} height={childHeight} narrow={narrow} onDrill={drill} />
                </Col>
                <Col xs={24} xl={10}>
                  <div className="stats-column">
                    <TrendChart stats={data} height={TREND_HEIGHT} />
                    <FormPie stats={data} height={formHeight} narrow={narrow} />
                  </div>
                </Col>
              </>
            )}
            <Col xs={24} md={12} xl={6}>
              <GenderPie stats={data} height={SMALL_HEIGHT} />
            </Col>
            <Col xs={24} md={12} xl={8}>
              <AgeBandChart stats={data} height={SMALL_HEIGHT} narrow={narrow} />
            </Col>
            <Col xs={24} xl={10}>
              <UnionTypes stats={data} height={SMALL_HEIGHT} />
            </Col>
          </Row>
        </div>
      </Spin>
    </div>
  );
}
