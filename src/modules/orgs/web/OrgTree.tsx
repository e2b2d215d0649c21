import { Alert, Button, Spin, Tree, type TreeDataNode } from 'antd';
import type { GetRef } from 'antd';
import { type Key, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type ApiError, isApiError } from '../../../web/api/client';
import { t } from '../../../web/i18n';
import type { TOrgChildren, TOrgNode } from '../contract';
import { fetchOrgChildren } from './api';
import { OrgTypeTag } from './OrgTypeTag';
import './orgs.css';

/** The children loaded so far (pages of /api/orgs/children) and where the next page starts. */
type Loaded = { ids: readonly number[]; total: number; nextCursor: string | null };

type TreeState = {
  rootId: number | undefined;
  nodes: ReadonlyMap<number, TOrgNode>;
  children: ReadonlyMap<number, Loaded>;
};

export type OrgTreeProps = {
  /** Pixel height of the (virtual) list. */
  height: number;
  selectedId?: number | undefined;
  onSelect?: (node: TOrgNode) => void;
  /** Shows only loaded units whose name contains this text, with their path and loaded subtree. */
  filter?: string;
  /** Ids from the top down to a unit's parent: loads and expands that path (e.g. TOrgDetail.ancestors). */
  reveal?: readonly number[] | undefined;
  testId?: string;
};

const keyOf = (id: number) => String(id);
const MORE_PREFIX = 'more:';

function Highlighted({ text, query }: { text: string; query: string }) {
  const at = query ? text.indexOf(query) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark className="org-node-mark">{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}

function OrgTitle({ org, query }: { org: TOrgNode; query: string }) {
  const dissolved = org.status !== 'active';
  return (
    <span className={dissolved ? 'org-node org-node-dissolved' : 'org-node'} title={org.name}>
      <span className="org-node-name">
        <Highlighted text={org.name} query={query} />
      </span>
      <OrgTypeTag type={org.type} />
      {dissolved && <span className="org-node-status">{t('orgs.status.dissolved')}</span>}
      {org.childCount > 0 && (
        <span className="org-node-count" title={t('orgs.childCount', { n: org.childCount })}>
          {org.childCount}
        </span>
      )}
    </span>
  );
}

/** Adds a page of a parent's children (appended to the pages already loaded). */
const withChildren = (state: TreeState, parentId: number, page: TOrgChildren): TreeState => {
  const nodes = new Map(state.nodes);
  for (const item of page.items) nodes.set(item.id, item);
  const children = new Map(state.children);
  const before = state.children.get(parentId)?.ids ?? [];
  children.set(parentId, { ids: [...before, ...page.items.map((item) => item.id)], total: page.total, nextCursor: page.nextCursor });
  return { ...state, nodes, children };
};

/**
 * The org tree from the acting unit down, loaded a level at a time from
 * /api/orgs/children. The root and its children are loaded before the first
 * paint, with the root expanded.
 */
export function OrgTree({ height, selectedId, onSelect, filter = '', reveal, testId }: OrgTreeProps) {
  const [state, setState] = useState<TreeState>({ rootId: undefined, nodes: new Map(), children: new Map() });
  const [expanded, setExpanded] = useState<Key[]>([]);
  const [error, setError] = useState<ApiError | undefined>();
  const [round, setRound] = useState(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const query = filter.trim();

  useEffect(() => {
    let current = true;
    setError(undefined);
    (async () => {
      const { items } = await fetchOrgChildren();
      const root = items[0];
      if (!root) return;
      let next: TreeState = { rootId: root.id, nodes: new Map([[root.id, root]]), children: new Map() };
      if (root.childCount > 0) {
        const page = await fetchOrgChildren(root.id);
        next = withChildren(next, root.id, page);
      }
      if (!current) return;
      setState(next);
      setExpanded([keyOf(root.id)]);
    })().catch((caught: unknown) => {
      if (current && isApiError(caught)) setError(caught);
    });
    return () => {
      current = false;
    };
  }, [round]);

  const ensureLoaded = useCallback(async (id: number) => {
    if (stateRef.current.children.has(id)) return;
    const page = await fetchOrgChildren(id);
    setState((previous) => withChildren(previous, id, page));
    stateRef.current = withChildren(stateRef.current, id, page);
  }, []);

  // A county with thousands of grassroots unions: the next page, on request.
  const [loadingMore, setLoadingMore] = useState<number | undefined>();
  const loadMore = useCallback(async (id: number) => {
    const after = stateRef.current.children.get(id)?.nextCursor;
    if (!after) return;
    setLoadingMore(id);
    try {
      const page = await fetchOrgChildren(id, { after });
      stateRef.current = withChildren(stateRef.current, id, page);
      setState(stateRef.current);
    } catch (caught) {
      if (isApiError(caught)) setError(caught);
    } finally {
      setLoadingMore(undefined);
    }
  }, []);

  const loadData = useCallback(
    async (node: { key: Key }) => {
      const key = String(node.key);
      if (key.startsWith(MORE_PREFIX)) return;
      try {
        await ensureLoaded(Number(key));
      } catch (caught) {
        if (isApiError(caught)) setError(caught);
      }
    },
    [ensureLoaded],
  );

  // Open the path to a unit chosen elsewhere (breadcrumb, list, URL).
  const revealKey = reveal?.join('.') ?? '';
  useEffect(() => {
    const rootId = state.rootId;
    if (!revealKey || rootId === undefined) return;
    const path = revealKey.split('.').map(Number);
    const from = path.indexOf(rootId);
    if (from < 0) return;
    const chain = path.slice(from);
    let current = true;
    (async () => {
      for (const id of chain) await ensureLoaded(id);
      if (!current) return;
      setExpanded((previous) => [...new Set([...previous, ...chain.map(keyOf)])]);
    })().catch((caught: unknown) => {
      if (current && isApiError(caught)) setError(caught);
    });
    return () => {
      current = false;
    };
  }, [revealKey, state.rootId, ensureLoaded]);

  useEffect(() => {
    if (selectedId === undefined) return;
    const timer = window.setTimeout(() => treeRef.current?.scrollTo({ key: keyOf(selectedId), align: 'auto' }), 50);
    return () => window.clearTimeout(timer);
  }, [selectedId, expanded]);

  // Filtering: the matches, their ancestors, and everything loaded below a match.
  const visible = useMemo(() => {
    if (!query) return undefined;
    const keep = new Set<number>();
    const opened = new Set<number>();
    const addSubtree = (id: number) => {
      keep.add(id);
      for (const child of state.children.get(id)?.ids ?? []) addSubtree(child);
    };
    for (const node of state.nodes.values()) {
      if (!node.name.includes(query) && !(node.shortName ?? '').includes(query)) continue;
      addSubtree(node.id);
      let parentId = node.parentId;
      while (parentId !== null && state.nodes.has(parentId)) {
        keep.add(parentId);
        opened.add(parentId);
        parentId = state.nodes.get(parentId)?.parentId ?? null;
      }
    }
    return { keep, opened: [...opened].map(keyOf) };
  }, [query, state]);

  const treeData = useMemo(() => {
    const build = (id: number): TreeDataNode | undefined => {
      const org = state.nodes.get(id);
      if (!org) return undefined;
      const node: TreeDataNode = {
        key: keyOf(id),
        title: <OrgTitle org={org} query={query} />,
        isLeaf: org.childCount === 0,
      };
      const loaded = state.children.get(id);
      if (loaded) {
        const children: TreeDataNode[] = [];
        for (const childId of loaded.ids) {
          if (visible && !visible.keep.has(childId)) continue;
          const child = build(childId);
          if (child) children.push(child);
        }
        if (!visible && loaded.nextCursor) {
          const more: ReactNode = (
            <Button
              size="small"
              type="link"
              className="org-node-more"
              loading={loadingMore === id}
              onClick={(event) => {
                event.stopPropagation();
                void loadMore(id);
              }}
            >
              {t('orgs.more', { shown: loaded.ids.length, total: loaded.total })}
            </Button>
          );
          children.push({ key: `${MORE_PREFIX}${id}`, title: more, isLeaf: true, selectable: false });
        }
        node.children = children;
      }
      return node;
    };
    if (state.rootId === undefined || (visible && !visible.keep.has(state.rootId))) return [];
    const root = build(state.rootId);
    return root ? [root] : [];
  }, [state, visible, query, loadingMore, loadMore]);

  const expandedKeys = useMemo(
    () => (visible ? [...new Set([...expanded, ...visible.opened])] : expanded),
    [expanded, visible],
  );

  let body: ReactNode;
  if (error && state.rootId === undefined) {
    body = (
      <Alert
        type="error"
        showIcon
        title={t('orgs.treeLoadFailed')}
        description={error.message}
        action={
          <Button size="small" onClick={() => setRound((value) => value + 1)}>
            {t('session.retry')}
          </Button>
        }
      />
    );
  } else if (state.rootId === undefined) {
    body = (
      <div className="org-tree-loading" style={{ height }}>
        <Spin />
      </div>
    );
  } else if (treeData.length === 0) {
    body = <div className="org-tree-empty">{t('orgs.noMatch')}</div>;
  } else {
    body = (
      <>
        {error && <Alert className="org-tree-error" type="error" showIcon closable title={error.message} />}
        <Tree
          ref={treeRef}
          blockNode
          showLine={{ showLeafIcon: false }}
          height={height}
          treeData={treeData}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys)}
          loadData={loadData}
          selectedKeys={selectedId === undefined ? [] : [keyOf(selectedId)]}
          onSelect={(_keys, info) => {
            const org = state.nodes.get(Number(info.node.key));
            if (org && onSelect) onSelect(org);
          }}
        />
      </>
    );
  }
  return (
    <div className="org-tree" data-testid={testId ?? 'org-tree'}>
      {body}
    </div>
  );
}
