import type { Scenario, ScenarioContext } from '../support/scenario.js';
import type { Format } from '../support/types.js';
import { findProjectsStep, str, wrap } from './family-steps.js';
import { lifecycle } from './lifecycle.js';
import { contactStep, deleteOwned } from './redmineup-steps.js';

/**
 * The contact lifecycle in a project found first (the document's examples name projects a server need not have).
 * Tags are left to the filter scenario: the XML view renders them as one text (`vip, online`), not as sent.
 */
export function contactLifecycle(sc: ScenarioContext, format: Format): Scenario {
  return lifecycle(sc, {
    name: `lifecycle contacts (${format})`,
    format,
    setup: [findProjectsStep('listProjects')],
    create: {
      operationId: 'createContact',
      body: (ctx) =>
        wrap(format, 'contact', {
          project_id: Number(str(ctx, 'project_id')),
          first_name: `Ada ${ctx.tag}`,
          last_name: 'Lovelace',
          job_title: 'Analyst',
          background: 'Met at the contract run.',
        }),
    },
    locate: (id) => ({ contact_id: id }),
    read: 'getContact',
    list: { operationId: 'listContacts' },
    update: {
      operationId: 'updateContact',
      body: (_id, ctx) => wrap(format, 'contact', { last_name: `Byron ${ctx.tag}`, job_title: 'Engineer' }),
    },
    remove: { operationId: 'deleteContact' },
  });
}

/** The note lifecycle on a contact the run creates (there is no notes index, so no list step). */
export function noteLifecycle(sc: ScenarioContext, format: Format): Scenario {
  const walk = lifecycle(sc, {
    name: `lifecycle notes (${format})`,
    format,
    setup: [findProjectsStep('listProjects'), contactStep(format, 'contact')],
    create: {
      operationId: 'createNote',
      body: (ctx) =>
        wrap(format, 'note', {
          source_type: 'Contact',
          source_id: Number(str(ctx, 'contact')),
          project_id: Number(str(ctx, 'project_id')),
          subject: `Call ${ctx.tag}`,
          content: 'Discussed the renewal of the laptop fleet.',
        }),
    },
    locate: (id) => ({ note_id: id }),
    read: 'getNote',
    update: {
      operationId: 'updateNote',
      body: (_id, ctx) => wrap(format, 'note', { subject: `Call ${ctx.tag} (summary)`, content: 'Quote by Friday.' }),
    },
    remove: { operationId: 'deleteNote' },
  });
  return { ...walk, steps: [...walk.steps, deleteOwned('deleteContact', 'contact_id', 'contact')] };
}

/** The deal lifecycle in a project found first; the price is left out (the server renders `"1200.0"`). */
export function dealLifecycle(sc: ScenarioContext, format: Format): Scenario {
  return lifecycle(sc, {
    name: `lifecycle deals (${format})`,
    format,
    setup: [findProjectsStep('listProjects')],
    create: {
      operationId: 'createDeal',
      body: (ctx) =>
        wrap(format, 'deal', {
          project_id: Number(str(ctx, 'project_id')),
          name: `Deal ${ctx.tag}`,
          background: 'Renewal of 400 laptops.',
          probability: 20,
        }),
    },
    locate: (id) => ({ deal_id: id }),
    read: 'getDeal',
    list: { operationId: 'listDeals', params: { status_id: '*' } },
    update: {
      operationId: 'updateDeal',
      body: (_id, ctx) => wrap(format, 'deal', { name: `Deal ${ctx.tag} (won)`, probability: 100 }),
    },
    remove: { operationId: 'deleteDeal' },
  });
}
