/**
 * How OVMS (cxxopts 3.1.1 and src/config.cpp) reads flag values, reproduced for the linter.
 * Pure functions of strings; callers only pass values without unknown parts.
 */

const UINT_MAX: Record<'uint32' | 'uint64', bigint> = { uint32: 0xffffffffn, uint64: 0xffffffffffffffffn };

/**
 * cxxopts integer parsing for unsigned types: decimal (leading zeros stay decimal) or `0x` hex,
 * no sign, no spaces, within the type's range. Undefined when cxxopts says "failed to parse".
 */
export function parseUnsigned(text: string, type: 'uint32' | 'uint64'): bigint | undefined {
  const m = /^(0x)?([0-9a-zA-Z]+)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2]!;
  if (m[1] ? !/^[0-9a-fA-F]+$/.test(digits) : !/^[0-9]+$/.test(digits)) return undefined;
  const v = m[1] ? BigInt('0x' + digits) : BigInt(digits);
  return v > UINT_MAX[type] ? undefined : v;
}

const TRUE_WORDS = new Set(['true', 'True', 't', 'T', '1']);
const FALSE_WORDS = new Set(['false', 'False', 'f', 'F', '0']);

/** A boolean after `=`: only these spellings parse (reference §3.1). */
export function parseBool(text: string): boolean | undefined {
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}

/** Words that look like a boolean value given as a separate argument. */
export function looksBoolean(text: string): boolean {
  return TRUE_WORDS.has(text) || FALSE_WORDS.has(text) || /^(?:true|false|yes|no|on|off)$/i.test(text);
}

/** A float as std::istringstream reads it completely. */
export function parseFloatStrict(text: string): number | undefined {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(text) ? Number(text) : undefined;
}

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

function isIPv6(s: string): boolean {
  if (s.length < 2) return false;
  let head = s;
  let groupsNeeded = 8;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIPv4(tail)) return false;
    const prefix = s.slice(0, lastColon + 1);
    head = prefix.endsWith('::') ? prefix : prefix.slice(0, -1);
    groupsNeeded = 6;
  }
  const dbl = head.indexOf('::');
  if (dbl !== head.lastIndexOf('::')) return false;
  const group = (g: string) => /^[0-9a-fA-F]{1,4}$/.test(g);
  if (dbl < 0) {
    const gs = head.split(':');
    return gs.length === groupsNeeded && gs.every(group);
  }
  const left = head.slice(0, dbl);
  const right = head.slice(dbl + 2);
  const ls = left === '' ? [] : left.split(':');
  const rs = right === '' ? [] : right.split(':');
  if (!ls.every(group) || !rs.every(group)) return false;
  return ls.length + rs.length <= groupsNeeded - 1;
}

function isHostname(s: string): boolean {
  return s.split('.').every((l) => /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/.test(l));
}

/**
 * OVMS's bind-address check (src/config.cpp:96-138, reference §3.7): the parts of `value` that
 * OVMS rejects, each with its index in `value`. The empty string is not checked.
 */
export function invalidBindAddressParts(value: string): { part: string; index: number }[] {
  if (value === '') return [];
  const bad: { part: string; index: number }[] = [];
  let index = 0;
  for (const part of value.split(',')) {
    let ok: boolean;
    if (part.length === 0 || part.length > 255) ok = false;
    else if (/^[0-9a-fA-F.:]+$/.test(part)) ok = isIPv4(part) || isIPv6(part);
    else ok = isHostname(part);
    if (!ok) bad.push({ part, index });
    index += part.length + 1;
  }
  return bad;
}

/** Loopback-only bind addresses. */
export function isLoopbackAddress(part: string): boolean {
  return part === 'localhost' || part === '::1' || /^127\.\d+\.\d+\.\d+$/.test(part);
}

/** All-interfaces bind addresses. */
export function isAnyAddress(part: string): boolean {
  return part === '0.0.0.0' || part === '::' || part === '0:0:0:0:0:0:0:0';
}

/** A layout string: letters N C H W D ? . and at most one `:` (case-insensitive, spaces removed). */
export function layoutProblem(text: string): string | undefined {
  const s = text.replace(/\s+/g, '').toUpperCase();
  if ((s.match(/:/g) ?? []).length > 1) return 'more than one `:`';
  const bad = s.replace(/[NCHWD?.:]/g, '');
  if (bad) return `characters other than N, C, H, W, D, ?, . and one \`:\` (${[...new Set(bad)].join('')})`;
  return undefined;
}

/** A shape string `(1,3,224,224)` / `(1:8,3,-1,-1)` (reference §2.7). */
export function shapeProblem(text: string): string | undefined {
  const s = text.replace(/\s+/g, '');
  if (s === 'auto') return undefined;
  if (!/^\([0-9,:-]+\)$/.test(s) || s.length <= 2) return 'a shape is `(d1,d2,…)` with each dimension a number ≥ 0, -1 or min:max';
  for (const d of s.slice(1, -1).split(',')) {
    if (/^(?:\d+|-1)$/.test(d)) continue;
    const r = /^(\d+):(\d+)$/.exec(d);
    if (r && Number(r[1]) < Number(r[2])) continue;
    return `dimension \`${d}\` is not a number ≥ 0, -1 or min:max with min < max`;
  }
  return undefined;
}

/** `--grpc_channel_arguments` items that OVMS's tokenizer + `=` split reject (reference §3.3). */
export function badChannelArguments(value: string): { item: string; index: number }[] {
  // getline-based split: a trailing separator yields no empty last item.
  const items = value.split(',');
  if (items.length > 1 && items[items.length - 1] === '') items.pop();
  const bad: { item: string; index: number }[] = [];
  let index = 0;
  for (const item of items) {
    const kv = item.split('=');
    if (kv.length > 1 && kv[kv.length - 1] === '') kv.pop();
    if (kv.length !== 2) bad.push({ item, index });
    index += item.length + 1;
  }
  return bad;
}

/** `key=value` pairs of --grpc_channel_arguments, spaces removed, as OVMS merges them. */
export function channelArguments(value: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of value.split(',')) {
    const kv = item.replace(/\s+/g, '').split('=');
    if (kv.length >= 2 && kv[0]) out.set(kv[0], kv[1]!);
  }
  return out;
}

/** The OVMS release an image tag names: `2025.3`, `2025.3-gpu`, `2024.5.1-py` → `2025.3`; else undefined. */
export function versionOfTag(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  const m = /^v?(\d{4})\.(\d+)/.exec(tag);
  return m ? `${m[1]}.${Number(m[2])}` : undefined;
}

export const UNPINNED_TAGS = new Set(['latest', 'latest-gpu', 'latest-py', 'latest-cuda', 'weekly', 'weekly-gpu', 'main']);
