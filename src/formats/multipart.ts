import { FORM_DEFAULTS, FormFormatError, type FormLimits, nestParams } from './form-params.js';

const BOUNDARY = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i;
const NAME = /;\s*name="((?:[^"\\]|\\.)*)"/i;
const FILENAME = /;\s*filename\*?=/i;
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER = 8 * 1024;

/** The `boundary` parameter of a `multipart/form-data` Content-Type, or null when there is none. */
export function boundaryOf(contentType: string): string | null {
  const match = BOUNDARY.exec(contentType);
  return match ? ((match[1] ?? match[2]) as string) : null;
}

/**
 * Decodes the text fields of a `multipart/form-data` body (the RedmineUP web form) into nested params with the same
 * key rules as {@link parseForm}. File parts (those with a `filename`) are skipped. Throws FormFormatError when the
 * body is not multipart with this boundary.
 */
export function parseMultipartForm(body: Buffer, boundary: string, limits?: FormLimits): Record<string, unknown> {
  const lim = limits ? { ...FORM_DEFAULTS, ...limits } : FORM_DEFAULTS;
  if (body.length > lim.maxLength) throw new FormFormatError(`form body longer than ${lim.maxLength} bytes`);
  const delimiter = Buffer.from(`--${boundary}`);
  const next = Buffer.from(`\r\n--${boundary}`);
  let pos = body.indexOf(delimiter);
  if (pos === -1) throw new FormFormatError('multipart body does not contain its boundary');
  const pairs: [string, string][] = [];
  let parts = 0;
  for (;;) {
    pos += delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    if (++parts > lim.maxFields) throw new FormFormatError(`form has more than ${lim.maxFields} fields`);
    const headerEnd = body.indexOf(HEADER_END, pos);
    if (headerEnd === -1 || headerEnd - pos > MAX_HEADER) throw new FormFormatError('malformed multipart part headers');
    const end = body.indexOf(next, headerEnd + 4);
    if (end === -1) throw new FormFormatError('multipart body is not terminated by its boundary');
    const disposition = dispositionOf(body.toString('utf8', pos, headerEnd));
    if (disposition && !FILENAME.test(disposition)) {
      const name = NAME.exec(disposition)?.[1];
      if (name !== undefined) pairs.push([name.replace(/\\(.)/g, '$1'), body.toString('utf8', headerEnd + 4, end)]);
    }
    pos = end + 2;
  }
  return nestParams(pairs, lim);
}

function dispositionOf(headers: string): string | undefined {
  for (const line of headers.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon !== -1 && line.slice(0, colon).trim().toLowerCase() === 'content-disposition') {
      return line.slice(colon + 1);
    }
  }
  return undefined;
}
