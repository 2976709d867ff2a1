import type { operations } from '../../generated/planio.js';
import type { FamilyHandlers, RedminePrincipal } from '../../redmine-family/index.js';
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

/**
 * Handlers of the `planio` document, each typed by its operation: the Redmine core subset (whose generated types
 * are Redmine's, the paths being shared) plus customer companies and their contacts.
 */
export function planioHandlers(): FamilyHandlers<PlanioState> {
  return typedHandlers<operations, PlanioState, RedminePrincipal, true>()({
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
  });
}
