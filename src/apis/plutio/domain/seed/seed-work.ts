import type { FieldsOf, RecordOf } from '../records.js';
import { deriveTimeTrack } from '../rules/time-tracks.js';
import type { SeedContext } from './context.js';
import type { BusinessProfile } from './profiles.js';
import type { OrgRefs } from './seed-org.js';

const GROUPS = ['To do', 'In progress', 'Review', 'Done'];
const TASKS = [
  'Kick-off meeting',
  'Collect requirements',
  'Draft wireframes',
  'Review copy',
  'Set up staging environment',
  'Prepare estimate',
  'Client feedback round',
  'Fix reported issues',
  'Write documentation',
  'Final sign-off',
  'Update timeline',
  'Research competitors',
];
const COMMENTS = [
  'Looks good to me.',
  'Can we move this to next week?',
  'I have uploaded the latest version.',
  'Waiting on client input.',
];

/** Projects and tasks seeded for a business, for later steps. */
export interface WorkRefs {
  projects: RecordOf<'projects'>[];
  tasks: RecordOf<'tasks'>[];
}

/** Seeds projects with boards, groups and tasks, task comments and time tracks. */
export function seedWork(ctx: SeedContext, p: BusinessProfile, org: OrgRefs): WorkRefs {
  const { prng } = ctx;
  const projects: RecordOf<'projects'>[] = [];
  const tasks: RecordOf<'tasks'>[] = [];
  p.projects.forEach((spec, pi) => {
    const client = org.companies[pi % org.companies.length] as RecordOf<'companies'>;
    const contributors = org.team.filter((_, i) => (i + pi) % 2 === 0 || i === 0).map((t) => t._id);
    const start = -prng.int(30, 120);
    const project = ctx.add(
      'projects',
      {
        name: spec.name,
        position: pi,
        statusId: org.projectStatuses[pi === p.projects.length - 1 ? 3 : 1]?._id,
        client: { _id: client._id, entityType: 'company' },
        contributors,
        startDate: ctx.date(start),
        dueDate: ctx.date(start + prng.int(60, 150)),
        currency: p.currency,
        budget: { amount: prng.int(20, 200) * 100 },
        isBillable: true,
        billingRate: p.services[0]?.amount ?? 100,
        descriptionHTML: `<p>${spec.name} for ${client.title}.</p>`,
        customFields: [{ _id: org.customFields.budgetCode._id, value: `BC-${100 + pi}` }],
      },
      -start + 5,
    );
    projects.push(project);
    spec.boards.forEach((boardTitle, bi) => {
      const board = ctx.add('task-boards', { title: boardTitle, projectId: project._id, position: bi });
      GROUPS.slice(0, bi === 0 ? 4 : 3).forEach((groupTitle, gi) => {
        const group = ctx.add('task-groups', {
          title: groupTitle,
          taskBoardId: board._id,
          projectId: project._id,
          position: gi,
          color: ['#828282', '#2f80ed', '#f2994a', '#27ae60'][gi],
          isDefault: gi === 0,
        });
        const count = prng.int(1, 3);
        for (let ti = 0; ti < count; ti++) {
          const due = start + prng.int(10, 90);
          const done = groupTitle === 'Done';
          tasks.push(
            ctx.add('tasks', {
              title: prng.pick(TASKS),
              taskGroupId: group._id,
              taskBoardId: board._id,
              projectId: project._id,
              position: ti,
              taskId: ctx.counter('tasks'),
              status: done ? 'completed' : due < 0 && prng.chance(0.5) ? 'overdue' : 'incomplete',
              assignedTo: [prng.pick(contributors)],
              followers: [],
              startDate: ctx.date(due - 7),
              dueDate: ctx.date(due),
              descriptionHTML: '<p>See the project brief.</p>',
              customFields: [
                {
                  _id: org.customFields.priority._id,
                  value: [org.customFields.priority.options?.[prng.int(0, 2)]?._id],
                },
              ],
            }),
          );
        }
      });
    });
  });

  for (const task of tasks.filter((_, i) => i % 3 === 0)) {
    const author = prng.pick(org.team);
    const body = prng.pick(COMMENTS);
    const comment = ctx.add('comments', {
      entityType: 'task',
      entityId: task._id,
      bodyPlain: body,
      bodyHTML: `<p>${body}</p>`,
      isNote: false,
      mentions: [],
    });
    comment.createdBy = author.userId ?? comment.createdBy;
  }

  const categories = [org.categories.design, org.categories.development, org.categories.meetings];
  for (let i = 0; i < Math.min(12, tasks.length); i++) {
    const task = tasks[(i * 5) % tasks.length] as RecordOf<'tasks'>;
    const person = org.team[i % org.team.length] as RecordOf<'people'>;
    const day = -prng.int(1, 40);
    const hours = prng.int(1, 6);
    const fields: FieldsOf<'time-tracks'> = {
      title: `${task.title}`,
      taskId: task._id,
      projectId: task.projectId,
      personId: person._id,
      categoryId: prng.pick(categories)._id,
      status: 'stopped',
      startedAt: ctx.date(day, 9),
      stoppedAt: ctx.date(day, 9 + hours),
      isManualTime: prng.chance(0.5),
      currency: p.currency,
      billingRate: p.services[0]?.amount ?? 100,
      billingStatus: i % 4 === 0 ? 'paid' : i % 4 === 1 ? 'invoiced' : 'unpaid',
      costRate: 40,
      costStatus: 'unpaid',
    };
    ctx.add('time-tracks', deriveTimeTrack(fields), -day);
  }
  return { projects, tasks };
}
