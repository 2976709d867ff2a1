import type { operations } from '../../generated/planio.js';
import type { FamilyHandlers, FamilyTypedHandlers, RedminePrincipal } from '../../redmine-family/index.js';
import { typedHandlers } from '../../server/typed-handlers.js';
import { redmineCoreTypedHandlers } from '../redmine/handlers.js';
import {
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  listProjectCompanies,
  updateCompany,
} from './companies.js';
import {
  createCompanyContact,
  deleteCompanyContact,
  getCompanyContact,
  listCompanyContacts,
  updateCompanyContact,
} from './contacts.js';
import type { PlanioState } from './state.js';

/** The handlers of the `planio` document, each typed by its operation. */
export type PlanioHandlers = FamilyTypedHandlers<operations, PlanioState>;

/**
 * Handlers of the `planio` document, each typed by its operation: the Redmine core subset (typed by Redmine's
 * operations, which the shared paths make equal to Planio's) plus customer companies and their contacts.
 */
export function planioTypedHandlers(): PlanioHandlers {
  return {
    ...redmineCoreTypedHandlers(),
    listCompanies,
    createCompany,
    listProjectCompanies,
    getCompany,
    updateCompany,
    deleteCompany,
    listCompanyContacts,
    createCompanyContact,
    getCompanyContact,
    updateCompanyContact,
    deleteCompanyContact,
  };
}

/** The Planio handlers as the module builder runs them. */
export function planioHandlers(): FamilyHandlers<PlanioState> {
  return typedHandlers<operations, PlanioState, RedminePrincipal, true>()(planioTypedHandlers());
}
