import { TreeSelect } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type TOrgChildren, type TOrgNode, ZOrgChildren } from '../../modules/orgs/contract';
import { apiGet, withQuery } from '../api/client';

/** Children of a unit; without `parentId`, the acting unit as the single item. */
const fetchOrgChildren = (parentId?: number): Promise<TOrgChildren> => apiGet(withQuery('/api/orgs/children', { parentId }), ZOrgChildren);

type Node = { id: number; pId: number | 0; value: number; title: string; isLeaf: boolean; disabled: boolean };

const toNode = (org: TOrgNode, parentId: number | 0, disabled?: (org: TOrgNode) => boolean): Node => ({
  id: org.id,
  pId: parentId,
  value: org.id,
  title: org.name,
  isLeaf: org.childCount === 0,
  disabled: disabled?.(org) ?? false,
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
 * loaded from /api/orgs/children when it is expanded (the first 500 children
 * of a unit). `disabled` greys out units that cannot be chosen (they still expand).
 * Shared by the account dialogs and the org tree's change dialogs.
 */
export function OrgTreeSelect({
  root,
  value,
  onChange,
  placeholder,
  id,
  disabled,
  preload,
}: {
  root: TOrgNode | undefined;
  value?: number;
  onChange?: (value: number) => void;
  placeholder?: string;
  id?: string;
  disabled?: (org: TOrgNode) => boolean;
  /** Units (from the root down) whose children to load at once, so a preset value deep in the tree shows its name. */
  preload?: readonly number[];
}) {
  const [nodes, setNodes] = useState<Node[]>([]);
  const disabledRef = useRef(disabled);
  disabledRef.current = disabled;
  useEffect(() => {
    if (root) setNodes([toNode(root, 0, disabledRef.current)]);
  }, [root]);

  const loadData = useCallback(async (node: { value?: unknown }) => {
    const parentId = Number(node.value);
    const page = await fetchOrgChildren(parentId);
    setNodes((previous) => {
      const known = new Set(previous.map((item) => item.id));
      return [...previous, ...page.items.filter((item) => !known.has(item.id)).map((item) => toNode(item, parentId, disabledRef.current))];
    });
  }, []);

  const preloadKey = preload?.join('.') ?? '';
  useEffect(() => {
    if (!root || !preloadKey) return;
    void (async () => {
      for (const parentId of preloadKey.split('.').map(Number)) await loadData({ value: parentId });
    })().catch(() => undefined);
  }, [root, preloadKey, loadData]);

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
