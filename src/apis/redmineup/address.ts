import type { DeepReadonly } from '../../store/freeze.js';
import { countryName } from './countries.js';
import type { AddressRecord } from './records.js';
import { type ContactAddress, withoutUndefined } from './schemas.js';

/** The writable address lines (`address_attributes`). */
export const ADDRESS_KEYS = ['street1', 'street2', 'city', 'region', 'postcode', 'country_code'] as const;
type AddressKey = (typeof ADDRESS_KEYS)[number];

/**
 * Applies `address_attributes` to an existing address (nested attributes: only the keys sent change) and computes
 * `full_address`: the non-blank street1, street2, city, postcode, region and country name joined with ", ".
 * Country codes are stored upper-case.
 */
export function mergeAddress(
  existing: DeepReadonly<AddressRecord> | null,
  input: Record<string, unknown>,
): AddressRecord {
  const lines = {} as Record<AddressKey, string | null>;
  for (const key of ADDRESS_KEYS) {
    const raw = Object.hasOwn(input, key) ? input[key] : existing?.[key];
    lines[key] = raw === null || raw === undefined ? null : String(raw);
  }
  if (lines.country_code) lines.country_code = lines.country_code.toUpperCase();
  return { ...lines, full_address: fullAddress(lines) };
}

function fullAddress(lines: Record<AddressKey, string | null>): string | null {
  const parts = [
    lines.street1,
    lines.street2,
    lines.city,
    lines.postcode,
    lines.region,
    countryName(lines.country_code),
  ];
  const present = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return present.length === 0 ? null : present.join(', ');
}

/**
 * The `address` of a contact as the plugin renders it: `street` is street1 only, `country` the English name, and
 * `country_code` only when the contact has an address with a code. Without an address every value is null.
 */
export function renderAddress(address: DeepReadonly<AddressRecord> | null): ContactAddress {
  const out: ContactAddress = {
    full_address: address?.full_address ?? null,
    street: address?.street1 ?? null,
    city: address?.city ?? null,
    region: address?.region ?? null,
    country: countryName(address?.country_code),
    country_code: address?.country_code || undefined,
    postcode: address?.postcode ?? null,
  };
  return withoutUndefined(out);
}
