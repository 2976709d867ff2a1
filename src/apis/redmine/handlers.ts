import type { FamilyHandlers, RedmineFamilyState } from '../../redmine-family/index.js';
import { createProject, deleteProject, getProject, listProjects, updateProject } from './projects.js';
import { getCurrentUser, listCustomFields, listIssuePriorities } from './reference.js';

/**
 * Handlers of the Redmine core subset (the operations of `openapi/redmine`), keyed by operationId. Planio and
 * RedmineUP documents include the same paths, so their modules spread these into their own handler maps:
 * `handlers: { ...redmineCoreHandlers<PlanioState>(), listCompanies, … }`.
 */
export function redmineCoreHandlers<S extends RedmineFamilyState = RedmineFamilyState>(): FamilyHandlers<S> {
  return {
    listProjects,
    createProject,
    getProject,
    updateProject,
    deleteProject,
    getCurrentUser,
    listIssuePriorities,
    listCustomFields,
  };
}
