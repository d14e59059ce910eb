import type { PbDocument, PbField, PbMessage, PbScalar, PbValue } from '../pbtxt/ast';
import type { Span } from '../types';
import { ANY, descriptor, fieldMap, GRAPH_CONFIG, type FieldDesc, type MessageDesc } from './descriptor';
import { checkScalar, isDefaultValue, messageForScalar } from './values';

/**
 * Type-checks a text-format tree against the descriptor, the way protobuf's C++ TextFormat
 * parser checks it while parsing (reference mediapipe-graphs.md §1.3-1.5): unknown fields and
 * extensions, value types and ranges, enum names, non-repeated fields given twice (with the
 * proto3 presence loophole), lists on non-repeated fields, Any type URLs, and proto2 required
 * fields. Unlike protobuf it does not stop at the first problem. Policy (which rule reports
 * what, with which severity) lives in the rules; this module only classifies.
 */

export type SchemaIssueKind =
  /** Protobuf rejects the file: a value or form that does not fit the schema. */
  | 'type'
  /** A field name the message does not have (did-you-mean in `suggestion`). */
  | 'unknown-field'
  /** A proto2 required field is missing. */
  | 'required';

export interface SchemaIssue {
  kind: SchemaIssueKind;
  span: Span;
  message: string;
  /** The message type the issue is in. */
  typeName: string;
  /** unknown-field: the field; required: the missing field's name. */
  field?: string;
  related?: { span: Span; message: string }[];
}

/** An options block whose type ovms-lint does not know (a calculator of another package). */
export interface UnknownOptions {
  name: string;
  span: Span;
}

/** A string field known to hold JSON (plugin_config). */
export interface JsonString {
  typeName: string;
  field: string;
  value: PbScalar;
}

export interface SchemaCheck {
  /** False when the file declares another message type (`# proto-message: X`): nothing was checked. */
  checked: boolean;
  issues: SchemaIssue[];
  unknownOptions: UnknownOptions[];
  jsonStrings: JsonString[];
}

/** String fields whose content is JSON, by message type. */
const JSON_FIELDS: Record<string, string[]> = {
  'mediapipe.LLMCalculatorOptions': ['plugin_config'],
  'mediapipe.EmbeddingsCalculatorOVOptions': ['plugin_config'],
  'mediapipe.RerankCalculatorOVOptions': ['plugin_config'],
  'mediapipe.ImageGenCalculatorOptions': ['plugin_config'],
  'mediapipe.S2tCalculatorOptions': ['plugin_config'],
  'mediapipe.T2sCalculatorOptions': ['plugin_config'],
};

const ANY_PREFIXES = ['type.googleapis.com/', 'type.googleprod.com/'];

const cache = new WeakMap<PbDocument, SchemaCheck>();

/** The schema check of a graph file (memoised per tree). */
export function checkGraph(doc: PbDocument): SchemaCheck {
  let r = cache.get(doc);
  if (!r) {
    r = new Checker().run(doc);
    cache.set(doc, r);
  }
  return r;
}

/**
 * Record `result` as the schema check of `doc` (what checkGraph(doc) returns from now on): the
 * language service assembles the check of an edited graph from those of its unchanged top-level
 * fields (core/src/languages/pbtxt.ts).
 */
export function setCheckGraph(doc: PbDocument, result: SchemaCheck): void {
  cache.set(doc, result);
}

/** `# proto-message: Name` in the file header names the message type of a text-format file. */
export function declaredMessage(doc: PbDocument): string | undefined {
  for (const c of doc.comments) {
    const m = /^\s*proto-message:\s*(\S+)/.exec(c.text);
    if (m) return m[1];
  }
  return undefined;
}

class Checker {
  private readonly out: SchemaCheck = { checked: true, issues: [], unknownOptions: [], jsonStrings: [] };
  private readonly seenPool: Seen[] = [];
  private depth = 0;

  run(doc: PbDocument): SchemaCheck {
    const declared = declaredMessage(doc);
    if (declared && declared !== GRAPH_CONFIG && declared !== 'CalculatorGraphConfig') {
      this.out.checked = false;
      return this.out;
    }
    this.message(doc.root, GRAPH_CONFIG);
    return this.out;
  }

  private issue(kind: SchemaIssueKind, span: Span, message: string, typeName: string, extra: Partial<SchemaIssue> = {}): void {
    this.out.issues.push({ kind, span, message, typeName, ...extra });
  }

  /** Check the fields of `msg` as message type `typeName`; `owner` is the name of the field holding it. */
  private message(msg: PbMessage, typeName: string, owner?: PbField): void {
    const desc = descriptor.messages[typeName];
    if (!desc) return;
    const isAny = typeName === ANY;
    // Non-repeated fields already set (by number, or by name for extensions): where, and
    // whether protobuf considers them present (proto3 implicit scalars only when non-default).
    // one Seen per nesting depth, reused: no allocation per message
    const seen = (this.seenPool[this.depth] ??= new Seen());
    seen.reset();
    this.depth++;
    try {
      this.fields(msg, typeName, desc, isAny, seen, owner);
    } finally {
      this.depth--;
    }
  }

  private fields(msg: PbMessage, typeName: string, desc: MessageDesc, isAny: boolean, seen: Seen, owner: PbField | undefined): void {
    let anyExpansion: PbField | undefined;
    const jsonFields = JSON_FIELDS[typeName];
    const byName = fieldMap(typeName);
    for (const f of msg.fields) {
      if (f.bracketed === 'any') {
        if (!isAny) {
          this.issue('type', f.nameSpan, `Expected "]", found "/": a type URL "[${f.name}]" is only allowed in a google.protobuf.Any field (node_options, graph_options); "${typeName}" takes extensions "[package.Message.ext]".`, typeName);
          continue;
        }
        anyExpansion = this.anyExpansion(f, anyExpansion, seen, typeName) ?? anyExpansion;
        continue;
      }
      let fd: FieldDesc | undefined;
      let key: number | string;
      if (f.bracketed === 'extension') {
        if (isAny) {
          this.issue('type', f.nameSpan, `Expected "/", found "]": inside node_options (a google.protobuf.Any) options are written "[type.googleapis.com/${f.name.replace(/\.ext$/, '')}]", not as an extension name.`, typeName);
          continue;
        }
        fd = descriptor.extensions[f.name];
        if (!fd || fd.extendee !== typeName) {
          if (!fd && desc.extendable) {
            this.out.unknownOptions.push({ name: f.name.replace(/\.ext$/, ''), span: f.nameSpan });
          } else {
            const where = fd ? ` It extends "${fd.extendee}": ${fd.extendee === 'mediapipe.MediaPipeOptions' ? 'put it in a stream handler or executor "options" block' : 'put it in a node\'s "options" block'}.` : '';
            this.issue('type', f.nameSpan, `Extension "${f.name}" is not defined or is not an extension of "${typeName}".${where}`, typeName);
          }
          continue;
        }
        key = f.name;
      } else {
        fd = byName.get(f.name);
        if (!fd) {
          this.issue('unknown-field', f.nameSpan, `Message type "${typeName}" has no field named "${f.name}".`, typeName, { field: f.name });
          continue;
        }
        key = fd.number;
        if (isAny && anyExpansion) {
          this.issue('type', f.nameSpan, `Non-repeated field "${f.name}" is specified multiple times: this Any already holds an expanded message.`, typeName, {
            related: [{ span: anyExpansion.nameSpan, message: 'the expanded message' }],
          });
          continue;
        }
      }
      if (fd.label !== 'repeated') {
        const prev = seen.present(key);
        if (prev) {
          this.issue('type', f.nameSpan, `Non-repeated field "${f.name}" is specified multiple times.`, typeName, {
            related: [{ span: prev.nameSpan, message: `"${f.name}" is first set here` }],
          });
          continue;
        }
      }
      const v = f.value;
      let ok = !!v;
      if (!v) {
        // a syntax error was reported; the field still counts as set
      } else if (v.kind === 'list') {
        if (fd.label !== 'repeated') {
          this.issue('type', { start: v.span.start, end: v.span.start + 1 }, `Field "${f.name}" is not repeated: a list "[…]" is only allowed for repeated fields.`, typeName);
          ok = false;
        } else for (const item of v.items) this.value(item, fd, f, typeName);
      } else {
        ok = this.value(v, fd, f, typeName);
        if (ok && jsonFields && v.kind === 'scalar' && v.token === 'string' && jsonFields.includes(fd.name)) this.out.jsonStrings.push({ typeName, field: fd.name, value: v });
      }
      if (fd.label !== 'repeated') {
        const present = !(ok && fd.implicit && v!.kind === 'scalar' && isDefaultValue(v as PbScalar, fd));
        seen.set(key, f, present);
      }
    }
    if (desc.syntax === 'proto2') this.required(msg, typeName, seen, owner);
  }

  /** A `[prefix/pkg.Type] { … }` inside an Any. Returns the field when it counts as the expansion. */
  private anyExpansion(f: PbField, previous: PbField | undefined, seen: Seen, typeName: string): PbField | undefined {
    const slash = f.name.indexOf('/');
    const prefix = f.name.slice(0, slash + 1);
    const type = f.name.slice(slash + 1);
    if (!ANY_PREFIXES.includes(prefix)) {
      this.issue('type', f.nameSpan, `Could not find type "${f.name}" stored in google.protobuf.Any: the URL must start with "type.googleapis.com/".`, typeName);
      return undefined;
    }
    const explicit = seen.firstPresent();
    if (previous || explicit) {
      const other = previous ?? explicit!;
      this.issue('type', f.nameSpan, 'Non-repeated Any specified multiple times: one node_options entry holds one message; add another node_options entry for the next one.', typeName, {
        related: [{ span: other.nameSpan, message: 'this Any already holds a message' }],
      });
      return undefined;
    }
    if (!descriptor.messages[type]) {
      this.out.unknownOptions.push({ name: type, span: f.nameSpan });
      return f;
    }
    if (f.value?.kind === 'message') this.message(f.value, type, f);
    return f;
  }

  /** Check one value (not a list) against a field; false when it does not fit. */
  private value(v: PbValue, fd: FieldDesc, f: PbField, typeName: string): boolean {
    if (fd.type === 'message') {
      if (v.kind !== 'message') {
        const msg = v.kind === 'scalar' ? checkScalar(v, fd)! : `Expected "{", found "[".`;
        this.issue('type', v.span, msg, typeName);
        return false;
      }
      this.message(v, fd.typeName!, f);
      return true;
    }
    if (v.kind === 'message') {
      this.issue('type', v.open ?? v.span, messageForScalar(fd), typeName);
      return false;
    }
    if (v.kind === 'list') return false;
    const err = checkScalar(v, fd);
    if (err) {
      this.issue('type', v.span, err, typeName);
      return false;
    }
    return true;
  }

  private required(msg: PbMessage, typeName: string, seen: Seen, owner: PbField | undefined): void {
    const desc = descriptor.messages[typeName]!;
    for (const fd of desc.fields) {
      if (fd.label !== 'required' || seen.has(fd.number)) continue;
      const at = owner?.nameSpan ?? msg.open ?? { start: msg.span.start, end: msg.span.start };
      this.issue('required', at, `Required field "${fd.name}" of ${typeName} is missing.`, typeName, { field: fd.name });
    }
  }
}

/**
 * The non-repeated fields set so far in one message, and whether protobuf considers each present
 * (proto3 implicit scalars only when non-default). A message has few distinct fields, so plain
 * arrays beat a Map per message.
 */
/**
 * The non-repeated fields set so far in one message: a few entries, scanned linearly. The arrays
 * are reused across messages (`n` is the live length): setting `length = 0` would drop their
 * backing stores and make every message allocate three new ones.
 */
class Seen {
  private keys: (number | string)[] = [];
  private fields: PbField[] = [];
  private presents: boolean[] = [];
  private n = 0;

  reset(): void {
    this.n = 0;
  }

  private find(key: number | string): number {
    for (let i = 0; i < this.n; i++) if (this.keys[i] === key) return i;
    return -1;
  }

  /** The field that set `key` first, when protobuf counts it as present. */
  present(key: number | string): PbField | undefined {
    const i = this.find(key);
    return i >= 0 && this.presents[i] ? this.fields[i] : undefined;
  }
  has(key: number | string): boolean {
    return this.find(key) >= 0;
  }
  set(key: number | string, field: PbField, present: boolean): void {
    let i = this.find(key);
    if (i < 0) i = this.n++;
    this.keys[i] = key;
    this.fields[i] = field;
    this.presents[i] = present;
  }
  firstPresent(): PbField | undefined {
    for (let i = 0; i < this.n; i++) if (this.presents[i]) return this.fields[i];
    return undefined;
  }
}
