import type { SettingsDocument } from '../documents';
import { members, spanOf, type JsonNode } from '../json/parse';
import { DEFAULT_RULE_OPTIONS, type RuleOptions } from '../options';
import { allRules, findRule } from '../rules';
import { didYouMeanSuffix } from '../text/suggest';
import type { SeverityOrOff } from '../types';
import { dirname, resolve } from './paths';
import type { SettingsData, Waiver } from './types';

/**
 * Read a `.ovms-lint.json` into SettingsData, reporting every mistake at its position (the
 * JSON Schema in schemas/ovms-lint-settings.schema.json describes the same shape for editors;
 * test/config/schema.test.ts keeps the two in step). Never throws.
 */
export const SETTINGS_KEYS = ['$schema', 'extends', 'rules', 'options', 'ignores', 'waivers', 'reportUnusedDisableDirectives', 'noInlineConfig'] as const;
export const WAIVER_KEYS = ['rule', 'files', 'pointer', 'node', 'flag', 'reason', 'expires'] as const;
const SEVERITIES = ['off', 'info', 'warning', 'error'];
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseSettings(doc: SettingsDocument): SettingsData {
  const path = doc.file.path;
  const data: SettingsData = { path, extends: [], rules: {}, options: {}, ignores: [], waivers: [], issues: [] };
  const issue = (node: JsonNode, message: string) => data.issues.push({ span: spanOf(node), message });
  const root = doc.root;
  if (!root) return data; // the syntax errors are reported as OVMS-SYNTAX-JSON
  if (root.type !== 'object') {
    issue(root, 'The settings file must hold a JSON object, e.g. {"rules": {…}, "waivers": […]}.');
    return data;
  }
  const baseDir = dirname(path);
  for (const m of members(root)) {
    const v = m.value;
    if (!v) continue;
    switch (m.name) {
      case '$schema':
        if (v.type !== 'string') issue(v, '"$schema" must be a string (the URL or path of the settings schema).');
        break;
      case 'extends':
        for (const s of stringOrStrings(v, '"extends"', issue)) data.extends.push({ path: resolve(baseDir, String(s.value)), written: String(s.value), span: spanOf(s) });
        break;
      case 'rules':
        readRules(v, data, issue);
        break;
      case 'options':
        readOptions(v, data, issue);
        break;
      case 'ignores':
        for (const s of strings(v, '"ignores"', issue)) data.ignores.push(String(s.value));
        break;
      case 'waivers':
        if (v.type !== 'array') issue(v, '"waivers" must be an array of {rule, files, pointer | node | flag, reason, expires} objects.');
        else for (const w of v.children ?? []) readWaiver(w, data, baseDir, issue);
        break;
      case 'reportUnusedDisableDirectives':
      case 'noInlineConfig':
        if (v.type !== 'boolean') issue(v, `"${m.name}" must be true or false.`);
        else data[m.name] = Boolean(v.value);
        break;
      default:
        data.issues.push({ span: spanOf(m.key), message: `Unknown settings key "${m.name}": it is ignored.${didYouMeanSuffix(m.name, SETTINGS_KEYS, '"')} Valid keys: ${SETTINGS_KEYS.join(', ')}.` });
    }
  }
  return data;
}

type Report = (node: JsonNode, message: string) => void;

function strings(v: JsonNode, what: string, issue: Report): JsonNode[] {
  if (v.type !== 'array') {
    issue(v, `${what} must be an array of strings.`);
    return [];
  }
  const out: JsonNode[] = [];
  for (const c of v.children ?? []) {
    if (c.type === 'string' && c.value !== '') out.push(c);
    else issue(c, `${what} must hold non-empty strings.`);
  }
  return out;
}

function stringOrStrings(v: JsonNode, what: string, issue: Report): JsonNode[] {
  if (v.type === 'string') {
    if (v.value === '') {
      issue(v, `${what} must not be empty.`);
      return [];
    }
    return [v];
  }
  if (v.type === 'array') return strings(v, what, issue);
  issue(v, `${what} must be a string or an array of strings.`);
  return [];
}

/** A rule id, alias or name as written -> its canonical id, or a reported issue. */
function ruleIdOf(node: JsonNode, name: string, issue: Report): string | undefined {
  const rule = findRule(name);
  if (rule) return rule.meta.id;
  const names = allRules.flatMap((r) => [r.meta.id, r.meta.name]);
  issue(node, `Unknown rule "${name}": this setting has no effect.${didYouMeanSuffix(name, names, '"')} \`ovms-lint rules\` lists the ids and names.`);
  return undefined;
}

function readRules(v: JsonNode, data: SettingsData, issue: Report): void {
  if (v.type !== 'object') {
    issue(v, '"rules" must be an object of rule id or name -> "off" | "info" | "warning" | "error".');
    return;
  }
  for (const m of members(v)) {
    const id = ruleIdOf(m.key, m.name, issue);
    const sev = m.value;
    if (!sev) continue;
    if (sev.type !== 'string' || !SEVERITIES.includes(String(sev.value))) {
      const written = sev.type === 'string' ? String(sev.value).toLowerCase() : '';
      const prefix = written && SEVERITIES.find((s) => s.startsWith(written));
      const hint = prefix ? ` Did you mean "${prefix}"?` : written ? didYouMeanSuffix(written, SEVERITIES, '"') : '';
      issue(sev, `The severity of "${m.name}" must be one of "off", "info", "warning", "error".${hint}`);
      continue;
    }
    if (id) data.rules[id] = sev.value as SeverityOrOff;
  }
}

function readOptions(v: JsonNode, data: SettingsData, issue: Report): void {
  if (v.type !== 'object') {
    issue(v, '"options" must be an object, e.g. {"cores": 16, "ovmsVersion": "2026.3"}.');
    return;
  }
  const known = Object.keys(DEFAULT_RULE_OPTIONS) as (keyof RuleOptions)[];
  for (const m of members(v)) {
    const val = m.value;
    if (!val) continue;
    const key = m.name as keyof RuleOptions;
    if (!known.includes(key)) {
      issue(m.key, `Unknown option "${m.name}": it is ignored.${didYouMeanSuffix(m.name, known, '"')} Options: ${known.join(', ')}.`);
      continue;
    }
    const expected = typeof DEFAULT_RULE_OPTIONS[key];
    if (Array.isArray(DEFAULT_RULE_OPTIONS[key])) {
      (data.options as Record<string, unknown>)[key] = strings(val, `Option "${m.name}"`, issue).map((s) => String(s.value));
      continue;
    }
    if (expected === 'number') {
      if (val.type !== 'number' || !Number.isFinite(val.value) || val.value < 0) {
        issue(val, `Option "${m.name}" must be a number of at least 0 (default ${DEFAULT_RULE_OPTIONS[key]}).`);
        continue;
      }
    } else if (typeof val.value !== expected || val.type === 'object' || val.type === 'array' || val.value === '') {
      issue(val, `Option "${m.name}" must be a ${expected === 'string' ? 'non-empty string' : expected} (default ${JSON.stringify(DEFAULT_RULE_OPTIONS[key])}).`);
      continue;
    }
    (data.options as Record<string, unknown>)[key] = val.value;
  }
}

function readWaiver(w: JsonNode, data: SettingsData, baseDir: string, issue: Report): void {
  if (w.type !== 'object') {
    issue(w, 'A waiver must be an object: {"rule": "OVMS-…", "files": "glob", "pointer" | "node" | "flag": "…", "reason": "…", "expires": "YYYY-MM-DD"}.');
    return;
  }
  const waiver: Waiver = { rules: [], files: [], source: data.path, baseDir, span: spanOf(w) };
  let hasRule = false;
  let ok = true;
  const where: JsonNode[] = [];
  for (const m of members(w)) {
    const v = m.value;
    if (!v) continue;
    switch (m.name) {
      case 'rule':
        hasRule = true;
        for (const s of stringOrStrings(v, 'A waiver\'s "rule"', issue)) {
          const id = ruleIdOf(s, String(s.value), issue);
          if (id) waiver.rules.push(id);
          else ok = false;
        }
        break;
      case 'files':
        for (const s of stringOrStrings(v, 'A waiver\'s "files"', issue)) waiver.files.push(String(s.value));
        break;
      case 'pointer':
      case 'node':
      case 'flag':
        where.push(m.key);
        if (v.type !== 'string') {
          issue(v, `A waiver's "${m.name}" must be a string.`);
          ok = false;
        } else if (m.name === 'pointer' && v.value !== '' && !String(v.value).startsWith('/')) {
          issue(v, `"pointer" must be a JSON Pointer into config.json, starting with "/" (e.g. "/model_config_list/0/config/base_path").`);
          ok = false;
        } else waiver[m.name] = String(v.value);
        break;
      case 'reason':
        if (v.type !== 'string') issue(v, 'A waiver\'s "reason" must be a string.');
        else waiver.reason = String(v.value);
        break;
      case 'expires': {
        const d = v.type === 'string' ? DATE_RE.exec(String(v.value)) : null;
        if (!d || !validDate(Number(d[1]), Number(d[2]), Number(d[3]))) {
          issue(v, '"expires" must be a date written YYYY-MM-DD (the last day the waiver applies).');
          ok = false;
        } else {
          waiver.expires = String(v.value);
          waiver.expiresSpan = spanOf(v);
        }
        break;
      }
      default:
        issue(m.key, `Unknown waiver key "${m.name}".${didYouMeanSuffix(m.name, WAIVER_KEYS, '"')} Waiver keys: ${WAIVER_KEYS.join(', ')}.`);
    }
  }
  if (!hasRule) {
    issue(w, 'This waiver names no "rule": it waives nothing. Add "rule": "OVMS-…" (an id or name).');
    return;
  }
  if (where.length > 1) {
    for (const k of where.slice(1)) issue(k, 'A waiver takes one of "pointer", "node" or "flag": split it into one waiver per location.');
    return;
  }
  if (ok && waiver.rules.length) data.waivers.push(waiver);
}

function validDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
