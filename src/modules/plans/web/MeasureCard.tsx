import { MergeCellsOutlined, PlusOutlined, ScissorOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Tooltip } from 'antd';
import { t } from '../../../web/i18n';
import type { TPlanIndicator, TPlanMeasureNode } from '../contract';
import { indicatorLabel } from './plan-format';

type Props = {
  measure: TPlanMeasureNode;
  selected: boolean;
  editable: boolean;
  isFirst: boolean;
  onSelect: () => void;
  onEdit: () => void;
  onSplit: () => void;
  onMerge: () => void;
  onAddIndicator: () => void;
  onEditIndicator: (indicator: TPlanIndicator) => void;
  onDeleteIndicator: (indicator: TPlanIndicator) => void;
};

/** One measure of the parsed tree: its number and title, its targets as tags, and (when selected) the review actions. */
export function MeasureCard(props: Props) {
  const { measure, selected, editable } = props;
  return (
    <div
      className={`plans-measure${selected ? ' is-selected' : ''}`}
      data-testid={`review-measure-${measure.no || measure.id}`}
      onClick={props.onSelect}
      role="button"
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === 'Enter') props.onSelect();
      }}
    >
      <div className="plans-measure-head">
        <span className="plans-measure-no">{measure.no || '·'}</span>
        <span className="plans-measure-title">{measure.title}</span>
        {measure.indicators.length === 0 ? <Tag className="plans-qualitative">{t('plans.review.qualitative')}</Tag> : null}
      </div>
      <div className="plans-measure-tags">
        {measure.indicators.map((indicator) => (
          <Tooltip key={indicator.id} title={indicator.source ?? t('plans.indicator.manual')}>
            <Tag
              color={indicator.origin === 'manual' ? 'purple' : 'blue'}
              closable={editable && selected}
              data-testid={`indicator-${indicator.id}`}
              onClose={(event) => {
                event.preventDefault();
                props.onDeleteIndicator(indicator);
              }}
              onClick={(event) => {
                if (!editable || !selected) return;
                event.stopPropagation();
                props.onEditIndicator(indicator);
              }}
              className={editable && selected ? 'plans-tag-editable' : undefined}
            >
              {indicatorLabel(indicator)}
            </Tag>
          </Tooltip>
        ))}
      </div>
      {selected ? (
        <>
          <div className="plans-measure-text">{measure.text}</div>
          {editable ? (
            <Space wrap size={4} className="plans-measure-actions" onClick={(event) => event.stopPropagation()}>
              <Button size="small" icon={<EditOutlined />} onClick={props.onEdit} data-testid="measure-edit">
                {t('plans.measure.edit')}
              </Button>
              <Button size="small" icon={<ScissorOutlined />} onClick={props.onSplit} data-testid="measure-split">
                {t('plans.measure.split')}
              </Button>
              <Button size="small" icon={<MergeCellsOutlined />} onClick={props.onMerge} disabled={props.isFirst} data-testid="measure-merge">
                {t('plans.measure.merge')}
              </Button>
              <Button size="small" icon={<PlusOutlined />} onClick={props.onAddIndicator} data-testid="indicator-add">
                {t('plans.indicator.add')}
              </Button>
            </Space>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
