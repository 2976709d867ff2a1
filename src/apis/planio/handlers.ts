import type { FamilyHandlers } from '../../redmine-family/index.js';
import { redmineCoreHandlers } from '../redmine/index.js';
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

/** Handlers of the `planio` document: the Redmine core subset plus customer companies and their contacts. */
export function planioHandlers(): FamilyHandlers<PlanioState> {
  return {
    ...redmineCoreHandlers<PlanioState>(),
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
