import { Tag } from 'antd';
import { orgTypeLabel } from '../contract';

/** Federations (总工会) blue, intermediate bodies cyan, grassroots green. */
const TYPE_COLORS: Readonly<Record<string, string>> = {
  province: 'blue',
  city: 'blue',
  county: 'blue',
  industry: 'geekblue',
  industry_system: 'geekblue',
  direct: 'geekblue',
  township: 'cyan',
  federation: 'cyan',
  grassroots: 'green',
  joint_grassroots: 'green',
  project: 'green',
};

export function OrgTypeTag({ type }: { type: string }) {
  return (
    <Tag className="org-type-tag" color={TYPE_COLORS[type]} variant="filled">
      {orgTypeLabel(type)}
    </Tag>
  );
}
