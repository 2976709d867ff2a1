/**
 * Stored records of the RedmineUP CRM plugin, next to the Redmine core records of the family state. Timestamps are
 * Redmine API strings (`2024-01-08T09:00:00Z`), dates `YYYY-MM-DD`; custom values are keyed by custom field id.
 */
import type { CustomValues } from '../../redmine-family/index.js';
import type { DeepReadonly } from '../../store/freeze.js';

/** Contact visibility: 0 project (members of its projects), 1 public, 2 private (author and assignee). */
export type Visibility = 0 | 1 | 2;

/** A contact's postal address (the plugin's `Address` row); `full_address` is computed on save. */
export interface AddressRecord {
  street1: string | null;
  street2: string | null;
  city: string | null;
  region: string | null;
  postcode: string | null;
  country_code: string | null;
  full_address: string | null;
}

/** A person or a company (`is_company`; a company's name is `first_name`). */
export interface ContactRecord {
  id: number;
  is_company: boolean;
  first_name: string;
  last_name: string | null;
  middle_name: string | null;
  /** A person's free-text company name; links the person to the company whose `first_name` it equals. */
  company: string | null;
  website: string | null;
  skype_name: string | null;
  birthday: string | null;
  job_title: string | null;
  background: string | null;
  /** Phone numbers as one comma-separated string, as the plugin stores them. */
  phone: string | null;
  /** E-mail addresses as one comma-separated string (without spaces). */
  email: string | null;
  visibility: Visibility;
  author_id: number;
  assigned_to_id: number | null;
  /** Attachment id of the avatar, when the contact has one. */
  avatar_attachment_id: number | null;
  address: AddressRecord | null;
  /** Tag names in tagging order (each has a `contact_tags` record). */
  tags: string[];
  /** Projects the contact belongs to, in the order they were added; never empty. */
  project_ids: number[];
  custom_values: CustomValues;
  created_on: string;
  updated_on: string;
}

/** A contact tag; tags are global and created by tagging a contact. */
export interface TagRecord {
  id: number;
  name: string;
  /** Display colour as an integer RGB value, or null. */
  color: number | null;
}

/** Note types: 0 e-mail, 1 call, 2 meeting; null is a plain note. */
export type NoteType = 0 | 1 | 2 | null;

/** A note on a contact or a deal. */
export interface NoteRecord {
  id: number;
  source_type: 'Contact' | 'Deal';
  source_id: number;
  subject: string | null;
  content: string;
  type_id: NoteType;
  author_id: number;
  custom_values: CustomValues;
  created_on: string;
  updated_on: string;
}

/** Deal status types: 0 open, 1 won, 2 lost. */
export type DealStatusType = 0 | 1 | 2;

export interface DealStatusRecord {
  id: number;
  name: string;
  position: number;
  is_default: boolean;
  status_type: DealStatusType;
  color: number | null;
}

/** A deal category; categories are defined per project. */
export interface DealCategoryRecord {
  id: number;
  project_id: number;
  name: string;
}

/** A sales opportunity in one project. */
export interface DealRecord {
  id: number;
  project_id: number;
  name: string;
  /** Decimal as Rails renders a BigDecimal (`"120000.0"`), or null. */
  price: string | null;
  currency: string | null;
  /** 0 fixed bid, 1 per hour. */
  price_type: number | null;
  duration: number | null;
  probability: number | null;
  due_date: string | null;
  background: string | null;
  status_id: number;
  category_id: number | null;
  author_id: number;
  assigned_to_id: number | null;
  /** The main contact. */
  contact_id: number | null;
  related_contact_ids: number[];
  custom_values: CustomValues;
  created_on: string;
  updated_on: string;
}

/** A Redmine issue linked to contacts (the plugin's `contacts_issues`), shown with `include=tickets`. */
export interface CrmIssueRecord {
  id: number;
  project_id: number;
  subject: string;
  status: { id: number; name: string };
  due_date: string | null;
  contact_ids: number[];
  created_on: string;
  updated_on: string;
}

/** A stored contact as the state hands it out (read-only). */
export type Contact = DeepReadonly<ContactRecord>;
/** A stored deal as the state hands it out (read-only). */
export type Deal = DeepReadonly<DealRecord>;
/** A stored note as the state hands it out (read-only). */
export type Note = DeepReadonly<NoteRecord>;

/** Custom fields of contacts are `contact` custom fields. */
export const CONTACT_CUSTOM_FIELD_TYPE = 'contact';
/** Custom fields of deals are `deal` custom fields. */
export const DEAL_CUSTOM_FIELD_TYPE = 'deal';
/** Custom fields of notes are `contact_note` custom fields. */
export const NOTE_CUSTOM_FIELD_TYPE = 'contact_note';

/** The attributes of a new contact that neither its author nor the request set. */
export const UNSET_CONTACT_FIELDS = {
  is_company: false,
  first_name: '',
  last_name: null,
  middle_name: null,
  company: null,
  website: null,
  skype_name: null,
  birthday: null,
  job_title: null,
  background: null,
  phone: null,
  email: null,
  visibility: 0,
  assigned_to_id: null,
  avatar_attachment_id: null,
  address: null,
  custom_values: {},
} as const;

/** True when `patch` sets some attribute of `record` to a different value (compared as JSON). */
export function changesRecord(record: object, patch: object): boolean {
  const current = new Map<string, unknown>(Object.entries(record));
  return Object.entries(patch).some(([key, value]) => JSON.stringify(current.get(key)) !== JSON.stringify(value));
}
