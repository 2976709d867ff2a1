import type { Format } from './types.js';

/** `application/json; charset=utf-8` → `application/json` (lower-cased, parameters dropped). */
export function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Whether a received media type matches a documented key (`application/json`, `application/*`, `*\/*`, `+json`). */
export function mediaTypeMatches(received: string, documented: string): boolean {
  const r = essence(received);
  const d = essence(documented);
  if (d === '*/*' || d === r) return true;
  const [dType, dSub] = d.split('/');
  const [rType, rSub] = r.split('/');
  if (dSub === '*') return dType === rType;
  // application/problem+json is a JSON document; a `+json` type satisfies a documented application/json only when
  // the document says so, so suffixes are matched one way: documented `+json` accepts the same suffix.
  return dType === rType && dSub !== undefined && rSub !== undefined && dSub.includes('+') && dSub === rSub;
}

/** The documented key a received type matches, if any. */
export function matchDocumented(received: string, documented: string[]): string | undefined {
  return (
    documented.find((d) => essence(d) === essence(received)) ?? documented.find((d) => mediaTypeMatches(received, d))
  );
}

/** JSON media types: `application/json`, `*\/*+json`. */
export function isJson(mediaType: string): boolean {
  const e = essence(mediaType);
  return e === 'application/json' || e.endsWith('+json');
}

/** XML media types: `application/xml`, `text/xml`, `*\/*+xml`. */
export function isXml(mediaType: string): boolean {
  const e = essence(mediaType);
  return e === 'application/xml' || e === 'text/xml' || e.endsWith('+xml');
}

/** The media type a Redmine-family format stands for. */
export function formatMediaType(format: Format): string {
  return format === 'xml' ? 'application/xml' : 'application/json';
}

/**
 * Picks the documented media type a request in `format` should get: the one of the format's kind when the
 * operation documents it, else the first documented one.
 */
export function expectedMediaType(documented: string[], format: Format | undefined): string | undefined {
  if (format) {
    const kind = format === 'xml' ? isXml : isJson;
    const hit = documented.find(kind);
    if (hit) return hit;
  }
  return documented[0];
}
