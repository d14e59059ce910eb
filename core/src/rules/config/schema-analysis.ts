/**
 * The shared schema analysis of one config document, computed once and memoised: validates the
 * document with the generated standalone validator (no schema compilation at run time), turns
 * every violation into a positioned issue tagged with the rule that owns it, and adds what the
 * validator cannot see (duplicate keys). Each schema rule (CFG-002 … -006, -014, -015) reports
 * its share through reportSchemaIssues().
 *
 * subconfig.json: OVMS's own subconfig schema is a no-op (reference ovms-config.md §1.15), so
 * only the items of model_config_list are checked, with the main model_config definition:
 * unknown keys are warnings there, keys parseNode reads (mean, scale, …) and the forms the C++
 * accepts (array shapes, nested DEVICE_PROPERTIES) are fine, other violations make the graph's
 * models fail to load (impact `load`).
 */
import type { ConfigDocument } from '../../documents';
import { validateConfig, validateModelConfig, type SchemaError } from '../../generated/ovms-config-validator';
import type { Fix, Impact, Severity, Span } from '../../types';
import type { RuleContext } from '../types';
import { type JsonIndex, buildIndex, escapePointerSegment, pointerSegments } from './json-index';
import { PARSE_NODE_EXTRA_KEYS, STATEFUL_MODEL_KEYS } from './keys';
import { REJECTED, type SchemaRuleId, explainError, routeRule, valueAt, whose } from './schema-messages';

export interface SchemaIssue {
  ruleId: SchemaRuleId;
  message: string;
  span: Span;
  key: string;
  severity?: Severity;
  impact?: Impact;
  fixes?: Fix[];
}

interface Analysis {
  index: JsonIndex;
  issues: SchemaIssue[] | undefined;
}

const cache = new WeakMap<ConfigDocument, Analysis>();

function analysis(doc: ConfigDocument): Analysis {
  let a = cache.get(doc);
  if (!a) cache.set(doc, (a = { index: buildIndex(doc), issues: undefined }));
  return a;
}

/** The document's value and pointer index (shared by every config rule). */
export function configIndex(doc: ConfigDocument): JsonIndex {
  return analysis(doc).index;
}

export function schemaIssues(doc: ConfigDocument): SchemaIssue[] {
  const a = analysis(doc);
  if (!a.issues) {
    const all = doc.root ? (doc.kind === 'subconfig' ? subconfigIssues(doc, a.index) : mainIssues(doc, a.index)) : [];
    // Around a syntax error the tree has holes (a member without its value): what the schema
    // says about an object holding one (e.g. a "missing" required key) is not reliable.
    a.issues = doc.syntax.length === 0 ? all : all.filter((i) => !doc.syntax.some((x) => x.span.start >= i.span.start && x.span.start < i.span.end));
  }
  return a.issues;
}

/** Report the issues of one rule. */
export function reportSchemaIssues(ctx: RuleContext<ConfigDocument>, ruleId: SchemaRuleId): void {
  for (const i of schemaIssues(ctx.doc)) {
    if (i.ruleId !== ruleId || statefulKey(i.key)) continue;
    ctx.report({
      message: i.message,
      span: i.span,
      key: i.key,
      ...(i.severity ? { severity: i.severity } : {}),
      ...(i.impact ? { impact: i.impact } : {}),
      ...(i.fixes ? { fixes: i.fixes } : {}),
    });
  }
}

/** A stateful-model key of a model entry: OVMS-VER-003 reports it, knowing the serving version. */
function statefulKey(pointer: string | undefined): boolean {
  const m = pointer ? /^\/model_config_list\/\d+\/config\/([^/]+)$/.exec(pointer) : null;
  return !!m && (STATEFUL_MODEL_KEYS as readonly string[]).includes(m[1]!);
}

/**
 * Drop the per-branch errors of a oneOf/anyOf (the combinator error is explained as a whole),
 * then the noise around a type error (a combinator failing on the same value) and an emptiness
 * check next to a missing required key.
 */
function collapse(all: SchemaError[]): SchemaError[] {
  const combos = all.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const errors = all.filter(
    (e) =>
      !combos.some(
        (c) =>
          c !== e &&
          e.schemaPath.startsWith(c.schemaPath + '/') &&
          (e.instancePath === c.instancePath || e.instancePath.startsWith(c.instancePath + '/')),
      ),
  );
  const typed = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const required = new Set(errors.filter((e) => e.keyword === 'required').map((e) => e.instancePath));
  return errors.filter(
    (e) =>
      !((e.keyword === 'oneOf' || e.keyword === 'anyOf') && typed.has(e.instancePath)) &&
      !(e.keyword === 'minProperties' && required.has(e.instancePath)),
  );
}

function run(validate: typeof validateConfig, value: unknown): SchemaError[] {
  return validate(value) ? [] : collapse(validate.errors ?? []);
}

function mainIssues(doc: ConfigDocument, index: JsonIndex): SchemaIssue[] {
  const env = { index, text: doc.file.text };
  const issues: SchemaIssue[] = [];
  for (const err of run(validateConfig, index.value)) {
    for (const e of explainError(err, env)) {
      issues.push({ ruleId: e.ruleId, message: e.message, span: span(e.node), key: e.pointer, ...(e.fixes ? { fixes: e.fixes } : {}) });
    }
  }
  issues.push(...duplicateIssues(index, false), ...laterCopyIssues(doc, index));
  return issues;
}

/** At most this many later copies are validated (each costs one walk and one validation). */
const MAX_LATER_COPIES = 32;

/**
 * RapidJSON keeps every copy of a duplicated key and the schema validator checks them all,
 * while the C++ reads only the first (§1.13): a later copy that breaks the schema makes OVMS
 * reject config.json although the value in use is fine. Each later copy (outside the
 * one-member objects, which fail anyway) is validated in place of the first, and what fails
 * inside it is reported there.
 */
function laterCopyIssues(doc: ConfigDocument, index: JsonIndex): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const later = index.duplicates.filter((d) => d.valueNode && !isSingleMemberObject(pointerSegments(d.objectPointer))).slice(0, MAX_LATER_COPIES);
  for (const d of later) {
    const shadow = buildIndex(doc, d);
    const at = `${d.objectPointer}/${escapePointerSegment(d.name)}`;
    const env = { index: shadow, text: doc.file.text };
    for (const err of run(validateConfig, shadow.value)) {
      if (err.instancePath !== at && !err.instancePath.startsWith(at + '/')) continue;
      for (const e of explainError(err, env)) {
        const message = `In the later copy of duplicated key \`${d.name}\` (OVMS uses the first copy, but its schema validation checks this one too): ${e.message}`;
        out.push({ ruleId: e.ruleId, message, span: span(e.node), key: e.pointer, ...(e.fixes ? { fixes: e.fixes } : {}) });
      }
    }
  }
  return out;
}

function subconfigIssues(doc: ConfigDocument, index: JsonIndex): SchemaIssue[] {
  const list = valueAt(index.value, ['model_config_list']);
  if (!Array.isArray(list)) return []; // CFG-016 reports it
  const env = { index, text: doc.file.text };
  const issues: SchemaIssue[] = [];
  list.forEach((item, i) => {
    const prefix = `/model_config_list/${i}`;
    for (const raw of run(validateModelConfig, item)) {
      const err = { ...raw, instancePath: prefix + raw.instancePath };
      if (acceptedBySubconfigParser(err, index)) continue;
      for (const e of explainError(err, env)) {
        const unknownKey = err.keyword === 'additionalProperties';
        const message = unknownKey
          ? `${e.message.split(';')[0]}: OVMS ignores unknown keys in subconfig.json, so this setting has no effect.`
          : e.message.replace(REJECTED, 'OVMS cannot parse this subconfig entry and the graph\'s model is not loaded');
        issues.push({
          ruleId: e.ruleId,
          message,
          span: span(e.node),
          key: e.pointer,
          severity: unknownKey ? 'warning' : 'error',
          impact: unknownKey ? 'advice' : 'load',
          ...(e.fixes ? { fixes: e.fixes } : {}),
        });
      }
    }
  });
  issues.push(...duplicateIssues(index, true).filter((d) => d.key.startsWith('/model_config_list/')));
  return issues;
}

/** Forms ModelConfig::parseNode accepts although the main schema forbids them (§1.15, §2.7, §2.12). */
function acceptedBySubconfigParser(err: SchemaError, index: JsonIndex): boolean {
  const segs = pointerSegments(err.instancePath);
  if (err.keyword === 'additionalProperties' && segs.length === 3) {
    return (PARSE_NODE_EXTRA_KEYS as readonly string[]).includes(String(err.params.additionalProperty));
  }
  const v = valueAt(index.value, segs);
  const dims = (x: unknown) => Array.isArray(x) && x.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0);
  if (segs[3] === 'shape' && segs.length === 4 && err.keyword === 'oneOf') {
    if (dims(v)) return true;
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.values(v).every((x) => typeof x === 'string' || dims(x));
  }
  if (segs[3] === 'plugin_config' && segs[4] === 'DEVICE_PROPERTIES' && segs.length === 5) {
    return !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((d) => d && typeof d === 'object' && !Array.isArray(d));
  }
  return false;
}

/** Objects the schema limits to one member: a duplicated key there fails maxProperties. */
function isSingleMemberObject(segs: string[]): boolean {
  const n = segs.length;
  const last = segs[n - 1];
  if ((segs[0] === 'model_config_list' || segs[0] === 'custom_loader_config_list') && n === 2) return true;
  if (segs[0] === 'monitoring' && n === 1) return true;
  if (last === 'model_version_policy' || (segs[n - 2] === 'model_version_policy' && (last === 'specific' || last === 'latest'))) return true;
  // DAG source_node mappings: pipeline outputs[i], node inputs[i]
  if (segs[0] === 'pipeline_config_list' && /^\d+$/.test(last ?? '') && (segs[n - 2] === 'outputs' && n === 4 || segs[n - 2] === 'inputs' && n === 6)) return true;
  return false;
}

function duplicateIssues(index: JsonIndex, subconfig: boolean): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const d of index.duplicates) {
    const segs = pointerSegments(d.objectPointer);
    const key = `${d.objectPointer}/${d.name}`;
    const ruleId = routeRule(segs.length ? [...segs, d.name] : []);
    const of = whose(index.value, segs);
    if (isSingleMemberObject(segs) && !subconfig) {
      out.push({
        ruleId,
        key,
        span: span(d.keyNode),
        message: `Duplicate key \`${d.name}\`${of}: OVMS's JSON parser keeps both copies, and this object may hold only one member (schema maxProperties 1); ${REJECTED}. Remove one copy.`,
      });
    } else {
      out.push({
        ruleId,
        key,
        span: span(d.keyNode),
        severity: 'warning',
        impact: 'advice',
        message: subconfig
          ? `Duplicate key \`${d.name}\`${of}: OVMS uses the first copy and ignores this one. Remove one of them.`
          : `Duplicate key \`${d.name}\`${of}: OVMS uses the first copy and ignores this one's value, but its schema validation checks both copies (a schema error in this copy rejects the file). Remove one of them.`,
      });
    }
  }
  return out;
}

function span(n: { offset: number; length: number }): Span {
  return { start: n.offset, end: n.offset + n.length };
}
