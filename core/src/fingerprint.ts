import type { SourceFile } from './text/source';
import type { Finding } from './types';

/**
 * Fingerprints that identify "the same finding" across runs even when lines shift (SARIF
 * partialFingerprints, GitLab Code Quality, the cache): rule + file + the finding's stable key
 * (JSON Pointer, graph node, flag). A finding without a key falls back to the text it points at
 * (whitespace-normalised), never to its line number. `occurrence` tells apart findings that
 * would otherwise collide in one file.
 */
export function fingerprintBasis(f: Finding, file: SourceFile, displayPath: string): string {
  const where =
    f.key !== undefined
      ? `key:${f.key}`
      : `text:${file.lineText(file.positionAt(f.span.start).line).trim().replace(/\s+/g, ' ')}|${file.slice(f.span).replace(/\s+/g, ' ')}`;
  return `${f.ruleId}\u0000${displayPath}\u0000${where}`;
}

/** A 64-bit hash as 16 hex digits (two FNV-1a 32-bit hashes with different offsets). */
export function hash64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

/** Fingerprints of a file's findings, in order; repeated bases get an occurrence suffix. */
export function fingerprints(findings: Finding[], file: SourceFile, displayPath: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const basis = fingerprintBasis(f, file, displayPath);
    const n = seen.get(basis) ?? 0;
    seen.set(basis, n + 1);
    return hash64(n === 0 ? basis : `${basis}\u0000${n}`);
  });
}
