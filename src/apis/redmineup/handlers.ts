import type { FamilyHandlers } from '../../redmine-family/index.js';
import { redmineCoreHandlers } from '../redmine/index.js';
import { createContact, createProjectContact } from './contact-create.js';
import { listContacts, listProjectContacts } from './contact-list.js';
import { addContactProject, removeContactProject } from './contact-projects.js';
import { deleteContact, getContact, updateContact } from './contacts.js';
import { listDeals, listProjectDeals } from './deal-list.js';
import { createDeal, createProjectDeal, deleteDeal, getDeal, updateDeal } from './deals.js';
import { createNote, deleteNote, getNote, updateNote } from './notes.js';
import { listContactTags, listDealStatuses } from './reference-lists.js';
import type { RedmineUpState } from './state.js';

/** Handlers of every operation of `openapi/redmineup`: the Redmine core subset plus the CRM plugin's 22. */
export function redmineUpHandlers(): FamilyHandlers<RedmineUpState> {
  return {
    ...redmineCoreHandlers<RedmineUpState>(),
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
