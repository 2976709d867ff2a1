/**
 * XML escaping as Builder (the library Redmine renders XML with) does it, and scalar text as JSON prints it.
 *
 * @see builder lib/builder/xmlbase.rb _escape, _escape_attribute; lib/builder/xchar.rb
 */

// Characters XML 1.0 cannot carry: C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and lone surrogates.
const INVALID = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const TEXT_SPECIAL = new RegExp(`[&<>\\r${INVALID}]|${LONE_SURROGATE}`);
const TEXT_SPECIAL_G = new RegExp(TEXT_SPECIAL.source, 'g');
const ATTR_SPECIAL = new RegExp(`[&<>"\\t\\n\\r${INVALID}]|${LONE_SURROGATE}`);
const ATTR_SPECIAL_G = new RegExp(ATTR_SPECIAL.source, 'g');
const REPLACEMENTS: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
// Builder (which Redmine renders XML with) replaces characters XML cannot carry by '*'.
const replace = (ch: string): string => REPLACEMENTS[ch] ?? '*';

/** Escapes element text as Builder does (`&`, `<`, `>`), plus CR as `&#13;` so it survives a parse. */
export function escapeText(value: string): string {
  return TEXT_SPECIAL.test(value) ? value.replace(TEXT_SPECIAL_G, replace) : value;
}

/** Escapes an attribute value as Builder does (`&`, `<`, `>`, `"`, newlines as character references). */
export function escapeAttr(value: string): string {
  return ATTR_SPECIAL.test(value) ? value.replace(ATTR_SPECIAL_G, replace) : value;
}

/** Text of a scalar as JSON would print it (`true`, `12`, `1.5`). */
export function scalarText(value: unknown, float = false): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return float && Number.isInteger(value) && Math.abs(value) < 1e16 ? `${value}.0` : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value) ?? '';
}
