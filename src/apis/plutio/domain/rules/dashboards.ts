import type { JsonObject } from '../json.js';
import type { Tx } from '../store/tx.js';

function pagesOf(dashboard: JsonObject): JsonObject[] {
  return Array.isArray(dashboard.pages) ? (dashboard.pages as JsonObject[]) : [];
}

/**
 * Keeps a dashboard's `pages [{_id, title}]` list in step with its dashboard pages: `op` adds, renames or removes
 * the entry of `page`.
 * @see docs/sources.md#plutio-dashboards — each dashboard has `pages [{_id, title}]`.
 */
export function syncDashboardPage(tx: Tx, page: JsonObject, op: 'add' | 'rename' | 'remove'): void {
  const dashboard = typeof page.dashboardId === 'string' ? tx.get('dashboards', page.dashboardId) : undefined;
  if (!dashboard) return;
  const others = pagesOf(dashboard).filter((p) => p._id !== page._id);
  let pages: JsonObject[];
  if (op === 'remove') pages = others;
  else if (op === 'add') pages = [...others, { _id: page._id, title: page.title ?? '' }];
  else pages = pagesOf(dashboard).map((p) => (p._id === page._id ? { ...p, title: page.title ?? '' } : p));
  tx.put('dashboards', { ...dashboard, pages, updatedAt: tx.now });
}
