import type { JsonObject } from '../json.js';
import type { CollectionName } from '../resources.js';
import type { Tx } from '../store/tx.js';

/** A record and the collection it lives in. */
export type Located = [CollectionName, JsonObject];

const BLOCK_OWNERS: Partial<Record<CollectionName, string>> = {
  proposals: 'proposal',
  contracts: 'contract',
  invoices: 'invoice',
  forms: 'form',
  'dashboard-pages': 'dashboard-page',
  'wiki-entities': 'wiki-page',
  templates: 'template',
  'block-groups': 'blocks-group',
};

const COMMENT_OWNERS: Partial<Record<CollectionName, string>> = {
  tasks: 'task',
  files: 'file',
  conversations: 'conversation',
};

function directChildren(tx: Tx, collection: CollectionName, record: JsonObject): Located[] {
  const id = record._id;
  const pick = (coll: CollectionName, test: (r: JsonObject) => boolean) =>
    tx.where(coll, test).map((r): Located => [coll, r]);
  const out: Located[] = [];
  const blockType = BLOCK_OWNERS[collection];
  if (blockType) out.push(...pick('blocks', (b) => b.entityType === blockType && b.entityId === id));
  const commentType = COMMENT_OWNERS[collection];
  if (commentType) out.push(...pick('comments', (c) => c.entityType === commentType && c.entityId === id));
  switch (collection) {
    case 'projects':
      out.push(...pick('task-boards', (r) => r.projectId === id));
      break;
    case 'task-boards':
      out.push(...pick('task-groups', (r) => r.taskBoardId === id), ...pick('tasks', (r) => r.taskBoardId === id));
      break;
    case 'task-groups':
      out.push(...pick('tasks', (r) => r.taskGroupId === id));
      break;
    case 'tasks':
      out.push(...pick('tasks', (r) => r.parentTaskId === id));
      break;
    case 'wiki':
      out.push(...pick('wiki-entities', (r) => r.wikiId === id));
      break;
    case 'wiki-entities':
      out.push(...pick('wiki-entities', (r) => r.parentId === id));
      break;
    case 'file-folders':
      out.push(...pick('file-folders', (r) => r.parentFolderId === id), ...pick('files', (r) => r.folderId === id));
      break;
  }
  if (collection === 'projects') out.push(...pick('tasks', (r) => r.projectId === id));
  return out;
}

/**
 * Everything that goes with a deleted record, depth first and without duplicates: a project's boards, groups and
 * tasks; a board's groups and tasks; a group's tasks; a task's subtasks and comments; a wiki's entities; a wiki
 * entity's children; a folder's subfolders and files; and the blocks of proposals, contracts, invoices, forms,
 * dashboard pages, wiki pages, templates and block groups.
 */
export function cascadeOf(tx: Tx, collection: CollectionName, record: JsonObject): Located[] {
  const seen = new Set<string>([`${collection}/${record._id}`]);
  const out: Located[] = [];
  const visit = (coll: CollectionName, r: JsonObject) => {
    for (const child of directChildren(tx, coll, r)) {
      const key = `${child[0]}/${child[1]._id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(child);
      visit(child[0], child[1]);
    }
  };
  visit(collection, record);
  return out;
}
