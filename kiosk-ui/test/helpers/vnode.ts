/**
 * Rendering hook-free Preact components without a DOM: a component is called as a function
 * and its VNode tree walked, so a test can read the text and find elements by `data-testid`.
 * (Components with hooks need a real page: those are covered by e2e/checkin.mjs.)
 */

import type { ComponentChildren, VNode } from 'preact';

type Props = Record<string, unknown> & { children?: ComponentChildren };

function isVNode(node: unknown): node is VNode<Props> {
  return typeof node === 'object' && node !== null && 'type' in node && 'props' in node;
}

/** The tree with every function component replaced by what it returns. */
export function expand(node: ComponentChildren): ComponentChildren {
  if (Array.isArray(node)) return node.map(expand);
  if (!isVNode(node)) return node;
  if (typeof node.type === 'function') return expand((node.type as (p: Props) => ComponentChildren)(node.props));
  return { ...node, props: { ...node.props, children: expand(node.props.children) } } as VNode<Props>;
}

/** The text of a tree, its pieces joined as a page would show them. */
export function textOf(node: ComponentChildren): string {
  const walk = (n: ComponentChildren): string => {
    if (n === null || n === undefined || typeof n === 'boolean') return '';
    if (typeof n === 'string' || typeof n === 'number' || typeof n === 'bigint') return String(n);
    if (Array.isArray(n)) return n.map(walk).join('');
    // an element's text is set apart from its neighbours', as a page lays them out
    if (isVNode(n)) return ` ${walk(n.props.children)} `;
    return '';
  };
  return walk(expand(node)).replace(/\s+/g, ' ').trim();
}

/** Every element (after expansion) with `data-testid` equal to `id`. */
export function byTestId(node: ComponentChildren, id: string): VNode<Props>[] {
  const found: VNode<Props>[] = [];
  const walk = (n: ComponentChildren): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isVNode(n)) return;
    if (n.props['data-testid'] === id) found.push(n);
    walk(n.props.children);
  };
  walk(expand(node));
  return found;
}
