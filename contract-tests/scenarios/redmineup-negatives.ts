import type { DynBody, Scenario, ScenarioContext, Step, StepContext } from '../support/scenario.js';
import { operationById } from '../support/spec-model.js';
import type { Format } from '../support/types.js';
import { PERMISSIONS } from './core-user.js';
import { asUser, findProjectsStep, hiddenProjectSteps, NO_USER, str, wrap } from './family-steps.js';
import { missingFieldScenario } from './negatives.js';
import { contactStep, dealStep, deleteOwned, noteStep } from './redmineup-steps.js';

type Params = (ctx: StepContext) => Record<string, unknown>;
const project =
  (name = 'project_id'): Params =>
  (ctx) => ({ project_id: str(ctx, name) });
const NO_PARAMS: Params = () => ({});

/**
 * The generated "create without its first required field → 422" cases, done the way this API validates: the
 * project (and a note's source) is resolved before validation, so a body without it gives 404. Each keeps the
 * generated name (and so replaces it) but sends a body that names an existing project and leaves out the field
 * whose absence the server refuses.
 */
export function invalidCreates(sc: ScenarioContext, format: Format): Scenario[] {
  const cases: [string, Step[], Params, (ctx: StepContext) => unknown][] = [
    [
      'createContact',
      [],
      NO_PARAMS,
      (ctx) => wrap(format, 'contact', { project_id: Number(str(ctx, 'project_id')), last_name: 'X' }),
    ],
    ['createProjectContact', [], project(), () => wrap(format, 'contact', { last_name: 'X' })],
    [
      'createDeal',
      [],
      NO_PARAMS,
      (ctx) => wrap(format, 'deal', { project_id: Number(str(ctx, 'project_id')), price: '10' }),
    ],
    ['createProjectDeal', [], project(), () => wrap(format, 'deal', { price: '10' })],
    [
      'createNote',
      [contactStep(format, 'contact')],
      NO_PARAMS,
      (ctx) => wrap(format, 'note', { source_type: 'Contact', source_id: Number(str(ctx, 'contact')), content: '' }),
    ],
  ];
  const out: Scenario[] = [];
  for (const [operationId, setup, params, body] of cases) {
    const generated = missingFieldScenario(sc, operationById(sc.spec, operationId), format);
    if (!generated) continue;
    const owned = setup.length > 0 ? [deleteOwned('deleteContact', 'contact_id', 'contact')] : [];
    out.push({
      ...generated,
      stateful: 'the project a body names must exist on the server before the fields are validated',
      steps: [
        findProjectsStep('listProjects'),
        ...setup,
        { ...generated.steps.at(-1)!, title: 'create without the required field → 422', params, body },
        ...owned,
      ],
    });
  }
  const addProject = missingFieldScenario(sc, operationById(sc.spec, 'addContactProject'), format);
  if (addProject) {
    out.push({
      ...addProject,
      stateful: 'the project is looked up before anything is saved',
      steps: [
        findProjectsStep('listProjects'),
        contactStep(format, 'contact'),
        {
          ...addProject.steps.at(-1)!,
          title: 'a project without id names no project → 404',
          params: (ctx) => ({ contact_id: str(ctx, 'contact') }),
          body: wrap(format, 'project', {}),
          expect: { status: 404 },
        },
        deleteOwned('deleteContact', 'contact_id', 'contact'),
      ],
    });
  }
  return out;
}

/**
 * A contact, a deal and a note in a private project the second user is not a member of: every read and write of
 * them, and the project's contact and deal lists, answer that user 403; the objects stay untouched.
 */
export function hiddenProjectObjects(sc: ScenarioContext, format: Format): Scenario {
  const user = asUser(sc.userKey);
  const as = (operationId: string, title: string, params: Params, body?: DynBody): Step => ({
    ...user,
    operationId,
    title: `${title} as a non-member → 403`,
    params,
    body,
    expect: { status: 403 },
  });
  const id =
    (param: string, name: string): Params =>
    (ctx) => ({ [param]: str(ctx, name) });
  const hidden = 'hidden_project_id';
  return {
    name: `negative contacts, deals and notes of a hidden project (${format})`,
    kind: 'negative',
    format,
    stateful: PERMISSIONS,
    notApplicable: sc.userKey ? undefined : NO_USER,
    steps: [
      ...hiddenProjectSteps('listProjects', sc.userKey),
      contactStep(format, 'contact', undefined, hidden),
      dealStep(format, 'deal', undefined, hidden),
      noteStep(format, 'note', 'Contact', 'contact', hidden),
      as('getContact', 'read the contact', id('contact_id', 'contact')),
      as(
        'updateContact',
        'update the contact',
        id('contact_id', 'contact'),
        wrap(format, 'contact', { last_name: 'X' }),
      ),
      as('deleteContact', 'delete the contact', id('contact_id', 'contact')),
      as('listProjectContacts', 'list the project’s contacts', project(hidden)),
      as(
        'createProjectContact',
        'add a contact to the project',
        project(hidden),
        wrap(format, 'contact', { first_name: 'Eve' }),
      ),
      as('getDeal', 'read the deal', id('deal_id', 'deal')),
      as('updateDeal', 'update the deal', id('deal_id', 'deal'), wrap(format, 'deal', { name: 'X' })),
      as('deleteDeal', 'delete the deal', id('deal_id', 'deal')),
      as('listProjectDeals', 'list the project’s deals', project(hidden)),
      as('createProjectDeal', 'add a deal to the project', project(hidden), wrap(format, 'deal', { name: 'Eve' })),
      as('getNote', 'read the note', id('note_id', 'note')),
      as('updateNote', 'update the note', id('note_id', 'note'), wrap(format, 'note', { content: 'X' })),
      as('deleteNote', 'delete the note', id('note_id', 'note')),
      {
        operationId: 'getContact',
        title: 'the contact is unchanged',
        params: id('contact_id', 'contact'),
        expect: {
          check: (res) => {
            const last = (res.resource as { last_name?: unknown } | undefined)?.last_name;
            return last === 'contact' ? undefined : `last_name is ${JSON.stringify(last)}`;
          },
        },
      },
      deleteOwned('deleteNote', 'note_id', 'note'),
      deleteOwned('deleteDeal', 'deal_id', 'deal'),
      deleteOwned('deleteContact', 'contact_id', 'contact'),
    ],
  };
}
