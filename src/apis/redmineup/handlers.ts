import type { FamilyHandlers, RedminePrincipal } from '../../redmine-family/index.js';
import { typedHandlers } from '../../server/typed-handlers.js';
import { redmineCoreTypedHandlers } from '../redmine/handlers.js';
import { createContact, createProjectContact } from './contact-create.js';
import { listContacts, listProjectContacts } from './contact-list.js';
import { addContactProject, removeContactProject } from './contact-projects.js';
import { deleteContact, getContact, updateContact } from './contacts.js';
import { listDeals, listProjectDeals } from './deal-list.js';
import { createDeal, createProjectDeal, deleteDeal, getDeal, updateDeal } from './deals.js';
import { createNote, deleteNote, getNote, updateNote } from './notes.js';
import type { RedmineUpOperations, UpTypedHandlers } from './operation.js';
import { listContactTags, listDealStatuses } from './reference-lists.js';
import type { RedmineUpState } from './state.js';

/**
 * Handlers of every operation of `openapi/redmineup`: the Redmine core subset plus the CRM plugin's 22, each typed
 * by its operation (a missing, extra or mistyped handler does not compile). The core handlers are typed by
 * `openapi/redmine`, whose core paths are the same YAML, so their generated operations are the same types.
 */
export function redmineUpTypedHandlers(): UpTypedHandlers {
  return {
    ...redmineCoreTypedHandlers(),
    listContacts,
    createContact,
    getContact,
    updateContact,
    deleteContact,
    addContactProject,
    removeContactProject,
    listProjectContacts,
    createProjectContact,
    listContactTags,
    createNote,
    getNote,
    updateNote,
    deleteNote,
    listDeals,
    createDeal,
    getDeal,
    updateDeal,
    deleteDeal,
    listProjectDeals,
    createProjectDeal,
    listDealStatuses,
  };
}

/** The handlers as the family module builder runs them. */
export function redmineUpHandlers(): FamilyHandlers<RedmineUpState> {
  return typedHandlers<RedmineUpOperations, RedmineUpState, RedminePrincipal, true>()(redmineUpTypedHandlers());
}
