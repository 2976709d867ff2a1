import type { Scenario, Step, StepContext, StepResult } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { findProjectsStep, listHas, str, wrap } from './family-steps.js';
import {
  contactStep,
  dealStep,
  deleteOwned,
  holds,
  holdsExactly,
  idsOf,
  itemNames,
  noteStep,
} from './redmineup-steps.js';

const readContact = (title: string, check: Step['expect'], params: Record<string, unknown> = {}): Step => ({
  operationId: 'getContact',
  title,
  params: (ctx) => ({ contact_id: str(ctx, 'contact'), ...params }),
  expect: check,
});

/** Adding and removing projects of a contact; its last project cannot be removed (403). */
export function contactProjects(format: Format): Scenario {
  const add = (project: string, title: string): Step => ({
    operationId: 'addContactProject',
    title,
    params: (ctx) => ({ contact_id: str(ctx, 'contact') }),
    body: (ctx) => wrap(format, 'project', { id: Number(str(ctx, project)) }),
    expect: { status: 204 },
  });
  const remove = (project: string, title: string, status: number): Step => ({
    operationId: 'removeContactProject',
    title,
    params: (ctx) => ({ contact_id: str(ctx, 'contact'), project_id: str(ctx, project) }),
    expect: { status },
  });
  return {
    name: `behaviour contact projects (${format})`,
    kind: 'behaviour',
    format,
    stateful: 'the projects of a contact are state',
    steps: [
      findProjectsStep('listProjects'),
      contactStep(format, 'contact'),
      add('project2_id', 'add a second project → 204'),
      readContact('it is in both projects', { check: holdsExactly('projects', ['project_id', 'project2_id']) }),
      add('project2_id', 'add the same project again → 204, nothing changes'),
      readContact('still in both projects', { check: holdsExactly('projects', ['project_id', 'project2_id']) }),
      remove('project_id', 'remove the first project → 204', 204),
      readContact('only the second project is left', { check: holdsExactly('projects', ['project2_id']) }),
      remove('project2_id', 'remove its last project → 403', 403),
      readContact('the last project stays', { check: holdsExactly('projects', ['project2_id']) }),
      deleteOwned('deleteContact', 'contact_id', 'contact'),
    ],
  };
}

const query = (title: string, operationId: string, params: (ctx: StepContext) => object, check: Step['expect']) => ({
  operationId,
  title,
  params: (ctx: StepContext) => ({ limit: 100, ...params(ctx) }),
  expect: check,
});

/** `search` and `tags` filter contacts (every word, every tag), `search` filters deals; tags are listed. */
export function contactFilters(format: Format): Scenario {
  const word = (ctx: StepContext) => `Filter${ctx.tag}`;
  const tag = (ctx: StepContext) => `t${ctx.tag}`;
  const exactly = (present: string[], absent: string[]) => ({
    check: (res: StepResult, ctx: StepContext) => [...listHas(present)(res, ctx), ...listHas(absent, false)(res, ctx)],
  });
  return {
    name: `behaviour contact and deal filters (${format})`,
    kind: 'behaviour',
    format,
    stateful: 'filters select among the objects a server holds',
    steps: [
      findProjectsStep('listProjects'),
      contactStep(format, 'c1', (ctx) => ({ first_name: word(ctx), tag_list: `${tag(ctx)},crmkit` })),
      contactStep(format, 'c2', (ctx) => ({ first_name: word(ctx) })),
      contactStep(format, 'c3', (ctx) => ({ first_name: 'Other', tag_list: tag(ctx) })),
      dealStep(format, 'deal'),
      query(
        'search → the two contacts named so',
        'listContacts',
        (ctx) => ({ search: word(ctx) }),
        exactly(['c1', 'c2'], ['c3']),
      ),
      query(
        'tags → the two tagged contacts',
        'listContacts',
        (ctx) => ({ tags: tag(ctx) }),
        exactly(['c1', 'c3'], ['c2']),
      ),
      query(
        'search and tags together → only the contact with both',
        'listContacts',
        (ctx) => ({ search: word(ctx), tags: tag(ctx) }),
        exactly(['c1'], ['c2', 'c3']),
      ),
      query(
        'the project list filters the same way',
        'listProjectContacts',
        (ctx) => ({ project_id: str(ctx, 'project_id'), search: word(ctx) }),
        exactly(['c1', 'c2'], ['c3']),
      ),
      query('the tag is listed', 'listContactTags', () => ({}), {
        check: (res, ctx) => (itemNames(res.value).includes(tag(ctx)) ? undefined : `tag ${tag(ctx)} is not listed`),
      }),
      query(
        'search finds the deal by name',
        'listDeals',
        (ctx) => ({ search: `Deal ${ctx.tag}` }),
        exactly(['deal'], []),
      ),
      query(
        'the project deal list too',
        'listProjectDeals',
        (ctx) => ({ project_id: str(ctx, 'project_id'), search: `Deal ${ctx.tag}` }),
        exactly(['deal'], []),
      ),
      deleteOwned('deleteContact', 'contact_id', 'c1'),
      deleteOwned('deleteContact', 'contact_id', 'c2'),
      deleteOwned('deleteContact', 'contact_id', 'c3'),
      deleteOwned('deleteDeal', 'deal_id', 'deal'),
    ],
  };
}

/** `include` adds notes and deals to a contact and notes to a deal; without it they are left out. */
export function includes(format: Format): Scenario {
  return {
    name: `behaviour include on contacts and deals (${format})`,
    kind: 'behaviour',
    format,
    stateful: 'the associations a server adds depend on the objects it holds',
    steps: [
      findProjectsStep('listProjects'),
      contactStep(format, 'contact'),
      dealStep(format, 'deal', (ctx) => ({ contact_id: Number(str(ctx, 'contact')) })),
      noteStep(format, 'contact_note', 'Contact', 'contact'),
      noteStep(format, 'deal_note', 'Deal', 'deal'),
      readContact(
        'include=notes,deals adds both',
        {
          check: (res, ctx) =>
            [holds('notes', 'contact_note')(res, ctx), holds('deals', 'deal')(res, ctx)].flatMap((d) => (d ? [d] : [])),
        },
        { include: 'notes,deals' },
      ),
      readContact('without include they are left out', {
        check: (res) =>
          ['notes', 'deals'].filter((k) => idsOf(res, k) !== undefined).map((k) => `${k} sent without include`),
      }),
      {
        operationId: 'getDeal',
        title: 'include=notes adds the deal’s notes',
        params: (ctx) => ({ deal_id: str(ctx, 'deal'), include: 'notes' }),
        expect: { check: holds('notes', 'deal_note') },
      },
      {
        operationId: 'getNote',
        title: 'the note names its source',
        params: (ctx) => ({ note_id: str(ctx, 'deal_note') }),
        expect: {
          check: (res, ctx) => {
            const source = (res.resource as { source?: { id?: unknown; type?: unknown } } | undefined)?.source;
            return String(source?.id) === str(ctx, 'deal') ? undefined : `source is ${JSON.stringify(source)}`;
          },
        },
      },
      deleteOwned('deleteNote', 'note_id', 'contact_note'),
      deleteOwned('deleteDeal', 'deal_id', 'deal', ['deal_note']),
      deleteOwned('deleteContact', 'contact_id', 'contact'),
    ],
  };
}
