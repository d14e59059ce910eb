import { type Node as JsonNode, type ParseError, parseTree, findNodeAtLocation } from 'jsonc-parser';

/** jsonc-parser's error codes (declared as an ambient const enum there, so restated here). */
const ParseErrorCode = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;
import type { SyntaxIssue } from '../documents';

/**
 * JSON exactly as OVMS reads config.json: RapidJSON with default flags, i.e. strict RFC 8259.
 * Comments, trailing commas, single quotes, a UTF-8 BOM, NaN/Infinity, leading zeros and raw
 * control characters in strings are all errors (reference ovms-config.md §1.1). jsonc-parser
 * gives the positioned tree and keeps going after an error; this module turns its error codes
 * into messages a user can act on, and drops the follow-on errors of one mistake.
 */
export interface StrictJson {
  root: JsonNode | undefined;
  issues: SyntaxIssue[];
}

export function parseStrictJson(text: string): StrictJson {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const issues: SyntaxIssue[] = [];
  let lastEnd = -1; // end of the previous raw error
  for (const e of errors) {
    // follow-on errors right behind the previous one describe the same mistake
    if (lastEnd >= 0 && (e.offset <= lastEnd + 2 && !startsNewLine(text, lastEnd, e.offset) || isCascade(text, lastEnd, e))) {
      lastEnd = Math.max(lastEnd, e.offset + e.length);
      continue;
    }
    lastEnd = e.offset + e.length;
    const issue = describe(text, e);
    const prev = issues[issues.length - 1];
    // two errors explained by one span (a trailing comma closing an object, then its array)
    if (prev && prev.span.start === issue.span.start && prev.span.end === issue.span.end) continue;
    issues.push(issue);
  }
  return { root: issues.length === 0 || root ? root : undefined, issues };
}

/** An "expected X" error separated from the previous error by white space only is its echo. */
function isCascade(text: string, lastEnd: number, e: ParseError): boolean {
  const expected = e.error >= ParseErrorCode.PropertyNameExpected && e.error <= ParseErrorCode.CommaExpected;
  return expected && e.offset >= lastEnd && text.slice(lastEnd, e.offset).trim() === '';
}

function startsNewLine(text: string, from: number, to: number): boolean {
  return /[\r\n]/.test(text.slice(from, to));
}

function describe(text: string, e: ParseError): SyntaxIssue {
  const span = { start: e.offset, end: e.offset + Math.max(e.length, e.offset < text.length ? 1 : 0) };
  const tok = text.slice(e.offset, e.offset + Math.max(e.length, 1));
  const strict = 'OVMS reads config files as strict JSON';
  if (e.offset === 0 && text.charCodeAt(0) === 0xfeff) {
    return {
      span: { start: 0, end: 1 },
      message: `The file starts with a UTF-8 byte order mark (BOM); ${strict} and fails with "Invalid value". Save it as UTF-8 without BOM.`,
      fixes: [{ title: 'Remove the byte order mark', safe: true, edits: [{ span: { start: 0, end: 1 }, newText: '' }] }],
    };
  }
  switch (e.error as number) {
    case ParseErrorCode.InvalidCommentToken:
    case ParseErrorCode.UnexpectedEndOfComment:
      return {
        span,
        message: `Comments are not allowed: ${strict} (no comments, no trailing commas). Remove the comment; for notes that must stay, use a waiver reason in .ovms-lint.json.`,
        fixes: [{ title: 'Remove the comment', safe: true, edits: [{ span: { start: e.offset, end: e.offset + e.length }, newText: '' }] }],
      };
    case ParseErrorCode.PropertyNameExpected:
    case ParseErrorCode.ValueExpected: {
      const comma = trailingCommaBefore(text, e.offset);
      if (comma >= 0) {
        return {
          span: { start: comma, end: comma + 1 },
          message: `Trailing comma: ${strict}, where a comma must be followed by another ${e.error === ParseErrorCode.PropertyNameExpected ? 'member' : 'element'}. Remove the comma.`,
          fixes: [{ title: 'Remove the trailing comma', safe: true, edits: [{ span: { start: comma, end: comma + 1 }, newText: '' }] }],
        };
      }
      if (e.offset >= text.length) {
        return { span, message: text.trim() === '' ? 'The file is empty; an OVMS config must be a JSON object.' : 'Unexpected end of file: a value is missing.' };
      }
      return { span, message: e.error === ParseErrorCode.PropertyNameExpected ? `Expected a property name in double quotes, found \`${firstToken(text, e.offset)}\`.` : `Expected a JSON value, found \`${firstToken(text, e.offset)}\`.` };
    }
    case ParseErrorCode.InvalidSymbol: {
      if (tok.startsWith("'")) {
        const end = text.indexOf("'", e.offset + 1);
        const s = { start: e.offset, end: end > 0 ? end + 1 : e.offset + e.length };
        return { span: s, message: `Single-quoted strings are not JSON: ${strict}. Use double quotes.` };
      }
      if (/^(NaN|-?Infinity)$/.test(tok)) return { span, message: `\`${tok}\` is not a JSON number: ${strict}. Use a finite number.` };
      if (/^[+.]/.test(tok)) return { span, message: `\`${tok}\` is not a valid JSON number (no leading \`+\` or \`.\`).` };
      if (/^[A-Za-z_]/.test(tok)) return { span, message: `Unexpected \`${tok}\`: JSON values are strings in double quotes, numbers, true, false, null, objects or arrays.` };
      return { span, message: `Unexpected character \`${tok}\`.` };
    }
    case ParseErrorCode.InvalidNumberFormat:
    case ParseErrorCode.UnexpectedEndOfNumber:
      return { span, message: `\`${tok}\` is not a valid JSON number.` };
    case ParseErrorCode.CommaExpected: {
      const prev = text.slice(0, e.offset).trimEnd();
      if (/(^|[^0-9.eE+-])0$/.test(prev) && /^[0-9]/.test(text.slice(e.offset))) {
        return { span: { start: prev.length - 1, end: e.offset + firstToken(text, e.offset).length }, message: 'Numbers with leading zeros are not valid JSON.' };
      }
      return { span, message: 'Expected a comma or a closing bracket/brace here.' };
    }
    case ParseErrorCode.ColonExpected:
      return { span, message: 'Expected a colon after the property name.' };
    case ParseErrorCode.CloseBraceExpected:
      return { span, message: 'Expected `}` to close the object (or a comma before the next member).' };
    case ParseErrorCode.CloseBracketExpected:
      return { span, message: 'Expected `]` to close the array (or a comma before the next element).' };
    case ParseErrorCode.EndOfFileExpected:
      return { span, message: 'Unexpected content after the end of the JSON value: a config file holds exactly one object.' };
    case ParseErrorCode.UnexpectedEndOfString:
      return { span, message: 'Unterminated string: a closing double quote is missing.' };
    case ParseErrorCode.InvalidUnicode:
      return { span, message: 'Invalid \\u escape: it needs four hexadecimal digits.' };
    case ParseErrorCode.InvalidEscapeCharacter:
      return { span, message: `Invalid escape sequence in a string (JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX); on Windows write paths with forward slashes or \\\\.` };
    case ParseErrorCode.InvalidCharacter:
      return { span: controlCharSpan(text, e) , message: 'Raw control character (tab or line break) inside a string: JSON needs it escaped (\\t, \\n).' };
    default:
      return { span, message: 'Invalid JSON.' };
  }
}

function controlCharSpan(text: string, e: ParseError): { start: number; end: number } {
  for (let i = e.offset; i < e.offset + e.length; i++) {
    if (text.charCodeAt(i) < 0x20) return { start: i, end: i + 1 };
  }
  return { start: e.offset, end: e.offset + Math.max(1, e.length) };
}

function firstToken(text: string, offset: number): string {
  const m = /^(?:"[^"\n]*"?|[^\s,:{}[\]]+|.)/.exec(text.slice(offset, offset + 40));
  return m ? m[0] : '';
}

function trailingCommaBefore(text: string, offset: number): number {
  const next = text.slice(offset).trimStart()[0];
  if (next !== '}' && next !== ']') return -1;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return text[i] === ',' ? i : -1;
}

/** The JSON Pointer (RFC 6901) of a node. */
export function pointerOf(node: JsonNode): string {
  const parts: string[] = [];
  let n: JsonNode | undefined = node;
  while (n && n.parent) {
    const p: JsonNode = n.parent;
    if (p.type === 'property') {
      parts.push(String(p.children![0]!.value));
      n = p.parent;
    } else if (p.type === 'array') {
      parts.push(String(p.children!.indexOf(n)));
      n = p;
    } else {
      n = p;
    }
  }
  return parts.length === 0 ? '' : '/' + parts.reverse().map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** The node at a JSON Pointer (first occurrence of duplicated keys, as RapidJSON's FindMember). */
export function nodeAtPointer(root: JsonNode | undefined, pointer: string): JsonNode | undefined {
  if (!root) return undefined;
  if (pointer === '') return root;
  const path = pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s, i, all) => (isArrayIndex(root, all.slice(0, i)) ? Number(s) : s));
  return findNodeAtLocation(root, path);
}

function isArrayIndex(root: JsonNode, prefix: (string | number)[]): boolean {
  const n = prefix.length === 0 ? root : findNodeAtLocation(root, prefix);
  return n?.type === 'array';
}

/** The members of an object node as [key node, value node] pairs, in order, duplicates kept. */
export function members(node: JsonNode | undefined): { key: JsonNode; value: JsonNode | undefined; name: string }[] {
  if (!node || node.type !== 'object' || !node.children) return [];
  const out: { key: JsonNode; value: JsonNode | undefined; name: string }[] = [];
  for (const prop of node.children) {
    const key = prop.children?.[0];
    if (!key) continue;
    out.push({ key, value: prop.children?.[1], name: String(key.value) });
  }
  return out;
}

/** The value of the first member named `name` (RapidJSON's FindMember). */
export function member(node: JsonNode | undefined, name: string): JsonNode | undefined {
  for (const m of members(node)) if (m.name === name) return m.value;
  return undefined;
}

/** The key node of the first member named `name`. */
export function memberKey(node: JsonNode | undefined, name: string): JsonNode | undefined {
  for (const m of members(node)) if (m.name === name) return m.key;
  return undefined;
}

export function spanOf(node: JsonNode): { start: number; end: number } {
  return { start: node.offset, end: node.offset + node.length };
}

export type { JsonNode };
