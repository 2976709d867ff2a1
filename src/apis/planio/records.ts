/**
 * Stored records of Planio's customer companies and company contacts. Unset strings are `null`; custom field values
 * are kept on the record, keyed by custom field id, as the Redmine family stores them.
 */
import type { components } from '../../generated/planio.js';
import type { CustomValues } from '../../redmine-family/index.js';

/** A country name of the document's `Country` list. */
export type Country = components['schemas']['Country'];

/** A phone number and its kind (`work`, `work_fax`, `mobile`, …). */
export interface PhoneRecord {
  kind: string;
  value: string;
}

export interface CompanyRecord {
  id: number;
  name: string;
  address1: string | null;
  address2: string | null;
  zip: string | null;
  town: string | null;
  state: string | null;
  /** English country name from the document's `Country` list, or null. */
  country: Country | null;
  mails: string[];
  phones: PhoneRecord[];
  issue_priority_id: number | null;
  /** Associated projects, in the order they were given. */
  project_ids: number[];
  custom_values: CustomValues;
  created_on: string;
  updated_on: string;
}

export interface ContactRecord {
  id: number;
  company_id: number;
  firstname: string;
  lastname: string | null;
  /** `true` male, `false` female, null unset. */
  gender: boolean | null;
  mails: string[];
  phones: PhoneRecord[];
  custom_values: CustomValues;
  created_on: string;
  updated_on: string;
}

/** Custom field `customized_type` of company custom fields. */
export const COMPANY_FIELD_TYPE = 'company';

/** Custom field `customized_type` of contact custom fields. */
export const CONTACT_FIELD_TYPE = 'contact';
