/** Parses a byte size: `1048576`, `512kb`, `1mb`; the error names `flag`. */
export function parseSize(text: string | number, flag = '--body-limit'): number {
  const m = /^\s*(\d+)\s*(b|kb|k|mb|m)?\s*$/i.exec(String(text));
  if (!m) throw new Error(`${flag}: "${text}" is not a size (e.g. 1048576, 512kb, 1mb)`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1;
  return Number(m[1]) * factor;
}

/** Parses a whole number within [min, max]; the error names the flag. */
export function integer(text: string | number, flag: string, min: number, max: number): number {
  const n = typeof text === 'number' ? text : text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${flag} must be an integer from ${min} to ${max}`);
  return n;
}

/** True for `1`, `true`, `yes`, `on` (any case). */
export function isOn(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
}

/** True for `0`, `false`, `no`, `off` (any case). */
export function isOff(v: string | undefined): boolean {
  return v !== undefined && /^(0|false|no|off)$/i.test(v.trim());
}

/** True for a host name or address that only this machine can reach (`localhost`, 127.0.0.0/8, `::1`). */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
