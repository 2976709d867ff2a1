import { idOf } from '../support/body-values.js';
import type { Scenario, ScenarioContext, Step, StepContext, StepResult } from '../support/scenario.js';
import { str } from './family-steps.js';
import { parentSteps, plutioCreate } from './plutio-steps.js';

type Body = Record<string, unknown>;
type Fields = (ctx: StepContext) => Body;

const STATE = 'moves and copies change where records are, which only a stateful server keeps';

/** The fields of a record that differ from the expected values, one sentence each. */
function fieldDifferences(record: unknown, want: Body, what: string): string[] {
  const r = (record ?? {}) as Body;
  return Object.entries(want)
    .filter(([k, v]) => JSON.stringify(r[k] ?? null) !== JSON.stringify(v))
    .map(([k, v]) => `${what}: ${k} is ${JSON.stringify(r[k])}, expected ${JSON.stringify(v)}`);
}

/** Reads the record captured as `as` by `?_id=` and compares fields. */
export function readBack(listOp: string, as: string, want: Fields, title = `read ${as} back`): Step {
  return {
    operationId: listOp,
    title,
    params: (ctx) => ({ _id: str(ctx, as) }),
    expect: { check: (res, ctx) => fieldDifferences(res.value, want(ctx), title) },
  };
}

/** A move: `_id` of the record captured as `as` plus the target fields; the answer carries them. */
export function moveStep(operationId: string, as: string, target: Fields): Step {
  return {
    operationId,
    title: `move ${as}`,
    body: (ctx) => ({ _id: str(ctx, as), ...target(ctx) }),
    expect: { check: (res, ctx) => fieldDifferences(res.value, target(ctx), `move ${as}`) },
  };
}

/** A copy of the record captured as `as`: a new `_id`, captured as `<as>_copy`, whose deletion is owed. */
export function copyStep(operationId: string, remove: string, as: string, target: Fields = () => ({})): Step {
  const copy = `${as}_copy`;
  const created = plutioCreate(operationId, remove, copy, (ctx) => ({ _id: str(ctx, as), ...target(ctx) }));
  return {
    ...created,
    title: `copy ${as}`,
    expect: {
      check: (res: StepResult, ctx: StepContext) => {
        const id = idOf(res.value);
        if (id === undefined) return ['the copy names no _id'];
        if (String(id) === str(ctx, as)) return ['the copy has the original’s _id'];
        return fieldDifferences(res.value, target(ctx), `copy ${as}`).filter((d) => !d.includes(' position '));
      },
    },
  };
}

/**
 * Tasks, task groups, task boards and projects moved and copied inside a project the run creates: each move shows
 * in the record read back, each copy gets a new `_id` (copies are deleted at the end of the run).
 */
export function taskMovesAndCopies(): Scenario {
  return {
    name: 'behaviour tasks, task groups, task boards and projects move and copy',
    kind: 'behaviour',
    stateful: STATE,
    steps: [
      ...parentSteps(['group']),
      plutioCreate('createTaskGroup', 'deleteTaskGroup', 'group2', (ctx) => ({
        title: `Crmkit ${ctx.tag} done`,
        taskBoardId: str(ctx, 'board'),
      })),
      plutioCreate('createTask', 'deleteTask', 'task', (ctx) => ({
        title: `Crmkit ${ctx.tag} task`,
        taskGroupId: str(ctx, 'group'),
      })),
      moveStep('moveTask', 'task', (ctx) => ({ taskGroupId: str(ctx, 'group2'), position: 0 })),
      readBack('listTasks', 'task', (ctx) => ({ taskGroupId: str(ctx, 'group2') })),
      copyStep('copyTask', 'deleteTask', 'task', (ctx) => ({ taskGroupId: str(ctx, 'group') })),
      readBack('listTasks', 'task_copy', (ctx) => ({ taskGroupId: str(ctx, 'group') })),
      moveStep('moveTaskGroup', 'group2', (ctx) => ({ taskBoardId: str(ctx, 'board'), position: 0 })),
      readBack('listTaskGroups', 'group2', () => ({ position: 0 })),
      copyStep('copyTaskGroup', 'deleteTaskGroup', 'group2', (ctx) => ({ taskBoardId: str(ctx, 'board') })),
      moveStep('moveTaskBoard', 'board', (ctx) => ({ projectId: str(ctx, 'project'), position: 0 })),
      copyStep('copyTaskBoard', 'deleteTaskBoard', 'board', (ctx) => ({ projectId: str(ctx, 'project') })),
      moveStep('moveProject', 'project', () => ({ position: 0 })),
      readBack('listProjects', 'project', () => ({ position: 0 })),
      copyStep('copyProject', 'deleteProject', 'project'),
    ],
  };
}

/** Statuses, file folders, files, forms and wiki entities: the other moves and copies. */
export function otherMovesAndCopies(): Scenario {
  const folder = (as: string) =>
    plutioCreate('createFileFolder', 'deleteFileFolder', as, (ctx) => ({
      title: `Crmkit ${ctx.tag} ${as}`,
      entityType: 'project',
      entityId: str(ctx, 'project'),
      projectId: str(ctx, 'project'),
    }));
  return {
    name: 'behaviour statuses, folders, files, forms and wiki entities move and copy',
    kind: 'behaviour',
    stateful: STATE,
    steps: [
      ...parentSteps(['project', 'wiki', 'form']),
      plutioCreate('createStatus', 'deleteStatus', 'status', (ctx) => ({
        title: `Crmkit ${ctx.tag} status`,
        entityType: 'project',
        type: 'active',
      })),
      moveStep('moveStatus', 'status', () => ({ position: 0 })),
      readBack('listStatuses', 'status', () => ({ position: 0 })),
      folder('folder_a'),
      folder('folder_b'),
      plutioCreate('createFile', 'deleteFile', 'file', (ctx) => ({
        title: `Crmkit ${ctx.tag} sitemap`,
        type: 'link',
        url: 'https://docs.example.com/sitemap',
        handle: `h${ctx.tag}`,
        entityType: 'project',
        entityId: str(ctx, 'project'),
      })),
      moveStep('moveFile', 'file', (ctx) => ({ folderId: str(ctx, 'folder_a') })),
      readBack('listFiles', 'file', (ctx) => ({ folderId: str(ctx, 'folder_a') })),
      moveStep('moveFileFolder', 'folder_b', (ctx) => ({ parentFolderId: str(ctx, 'folder_a') })),
      readBack('listFileFolders', 'folder_b', (ctx) => ({ parentFolderId: str(ctx, 'folder_a') })),
      copyStep('copyForm', 'deleteForm', 'form'),
      plutioCreate('createWikiEntity', 'deleteWikiEntity', 'category', (ctx) => ({
        wikiId: str(ctx, 'wiki'),
        parentId: str(ctx, 'wiki'),
        title: `Crmkit ${ctx.tag} category`,
        type: 'category',
      })),
      plutioCreate('createWikiEntity', 'deleteWikiEntity', 'page', (ctx) => ({
        wikiId: str(ctx, 'wiki'),
        parentId: str(ctx, 'wiki'),
        title: `Crmkit ${ctx.tag} page`,
        type: 'page',
      })),
      moveStep('moveWikiEntity', 'page', (ctx) => ({ parentId: str(ctx, 'category'), position: 0 })),
      readBack('listWikiEntities', 'page', (ctx) => ({ parentId: str(ctx, 'category') })),
    ],
  };
}

/** Every move and copy of the document, for the reference and live servers. */
export function movesAndCopies(_sc: ScenarioContext): Scenario[] {
  return [taskMovesAndCopies(), otherMovesAndCopies()];
}
