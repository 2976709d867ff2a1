import type { operations } from '../../generated/redmine.js';
import type {
  FamilyHandlers,
  FamilyTypedHandlers,
  RedmineFamilyState,
  RedminePrincipal,
} from '../../redmine-family/index.js';
import { typedHandlers } from '../../server/typed-handlers.js';
import {
  createIssueCategory,
  deleteIssueCategory,
  getIssueCategory,
  listIssueCategories,
  updateIssueCategory,
} from './issue-categories.js';
import { createProject, deleteProject, getProject, listProjects, updateProject } from './projects.js';
import { getCurrentUser, listCustomFields, listIssuePriorities } from './reference.js';
import { listDocumentCategories, listIssueStatuses, listTimeEntryActivities, listTrackers } from './reference-lists.js';
import { createVersion, deleteVersion, getVersion, listVersions, updateVersion } from './versions.js';

/** The handlers of the Redmine core subset, each typed by its operation of `openapi/redmine`. */
export type RedmineCoreHandlers = FamilyTypedHandlers<operations>;

/**
 * Handlers of the Redmine core subset (the operations of `openapi/redmine`), keyed by operationId and typed by
 * their operations. Planio and RedmineUP documents include the same paths (their generated types for them are the
 * same), so their modules spread these into their own typed maps:
 * `typedHandlers<operations, PlanioState, RedminePrincipal, true>()({ ...redmineCoreTypedHandlers(), listCompanies, … })`.
 */
export function redmineCoreTypedHandlers(): RedmineCoreHandlers {
  return {
    listProjects,
    createProject,
    getProject,
    updateProject,
    deleteProject,
    getCurrentUser,
    listIssuePriorities,
    listCustomFields,
    listVersions,
    createVersion,
    getVersion,
    updateVersion,
    deleteVersion,
    listIssueCategories,
    createIssueCategory,
    getIssueCategory,
    updateIssueCategory,
    deleteIssueCategory,
    listTrackers,
    listIssueStatuses,
    listTimeEntryActivities,
    listDocumentCategories,
  };
}

/** The Redmine core handlers as the module builder runs them, for a state of type `S`. */
export function redmineCoreHandlers<S extends RedmineFamilyState = RedmineFamilyState>(): FamilyHandlers<S> {
  return typedHandlers<operations, S, RedminePrincipal, true>()(redmineCoreTypedHandlers());
}
