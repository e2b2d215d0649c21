import { TreeSelect } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { TOrgNode } from '../../orgs/contract';
import { fetchOrgChildren } from './api';

type Node = { id: number; pId: number | 0; value: number; title: string; isLeaf: boolean };

const toNode = (org: TOrgNode, parentId: number | 0): Node => ({
  id: org.id,
  pId: parentId,
  value: org.id,
  title: org.name,
  isLeaf: org.childCount === 0,
});

/**
 * The acting unit as the root: `parentId === null` means the caller acts for the provincial
 * federation. Only loaded when `enabled` (the system administrator holds orgs.read; the
 * security administrator does not, and needs no unit picker).
 */
export function useScopeRoot(enabled: boolean): TOrgNode | undefined {
  const [root, setRoot] = useState<TOrgNode | undefined>();
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    fetchOrgChildren().then(
      (page) => current && setRoot(page.items[0]),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [enabled]);
  return root;
}

/**
 * Picks a unit in the caller's scope: the acting unit at the top, each level
 * loaded from /api/orgs/children when it is expanded.
 */
export function OrgTreeSelect({
  root,
  value,
  onChange,
  placeholder,
  id,
}: {
  root: TOrgNode | undefined;
  value?: number;
  onChange?: (value: number) => void;
  placeholder?: string;
  id?: string;
}) {
  const [nodes, setNodes] = useState<Node[]>([]);
  useEffect(() => {
    if (root) setNodes([toNode(root, 0)]);
  }, [root]);

  const loadData = useCallback(async (node: { value?: unknown }) => {
    const parentId = Number(node.value);
    const page = await fetchOrgChildren(parentId);
    setNodes((previous) => {
      const known = new Set(previous.map((item) => item.id));
      return [...previous, ...page.items.filter((item) => !known.has(item.id)).map((item) => toNode(item, parentId))];
    });
  }, []);

  return (
    <TreeSelect<number>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next)}
      treeDataSimpleMode
      treeData={nodes}
      loadData={loadData}
      treeDefaultExpandedKeys={root ? [root.id] : []}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 360, overflow: 'auto', minWidth: 300 } } }}
      style={{ width: '100%' }}
    />
  );
}
