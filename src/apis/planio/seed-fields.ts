import { CUSTOM_FIELD_DEFAULTS, type CustomFieldRecord } from '../../redmine-family/index.js';
import type { PlanioCollections } from './collections.js';
import { COMPANY_FIELD_TYPE, CONTACT_FIELD_TYPE } from './records.js';
import { INDUSTRIES, LANGUAGES } from './seed-pool.js';

/** Ids of the seeded company and contact custom fields. */
export interface PlanioFieldIds {
  customerNumber: number;
  industry: number;
  keyAccount: number;
  creditLimit: number;
  position: number;
  language: number;
}

type FieldInput = Pick<CustomFieldRecord, 'name' | 'customized_type' | 'field_format'> & Partial<CustomFieldRecord>;

/**
 * Adds Planio's company and contact custom fields after the Redmine core ones: "Customer number" (`K-` and four
 * digits), "Industry" (list), "Key account" (boolean), "Credit limit" (integer, visible to administrators only),
 * and for contacts "Position" and "Preferred language" (list).
 */
export function seedPlanioFields(state: PlanioCollections): PlanioFieldIds {
  const add = (field: FieldInput) => state.customFields.insert({ ...CUSTOM_FIELD_DEFAULTS, ...field }).id;
  const company = COMPANY_FIELD_TYPE;
  return {
    customerNumber: add({
      name: 'Customer number',
      customized_type: company,
      field_format: 'string',
      regexp: '^K-\\d{4}$',
      searchable: true,
      default_value: '',
    }),
    industry: add({
      name: 'Industry',
      customized_type: company,
      field_format: 'list',
      is_filter: true,
      possible_values: [...INDUSTRIES],
    }),
    keyAccount: add({ name: 'Key account', customized_type: company, field_format: 'bool', default_value: '0' }),
    creditLimit: add({ name: 'Credit limit', customized_type: company, field_format: 'int', visible: false }),
    position: add({ name: 'Position', customized_type: CONTACT_FIELD_TYPE, field_format: 'string', max_length: 60 }),
    language: add({
      name: 'Preferred language',
      customized_type: CONTACT_FIELD_TYPE,
      field_format: 'list',
      possible_values: [...LANGUAGES],
    }),
  };
}
