import type { Container, Mount } from '../../flags/model';
import type { Fix } from '../../types';

/**
 * The quick fix that makes a `-v`/compose short-form mount read-only: `:rw` becomes `:ro`, or `:ro`
 * is appended when the entry has no options. Undefined when the text cannot be edited safely
 * (Kubernetes, long forms, several options, an entry built from expansions).
 */
export function readOnlyFix(container: Container, m: Mount): Fix | undefined {
  if (m.appendAt === undefined || !(container.engine === 'docker' || container.engine === 'podman' || container.engine === 'compose')) return undefined;
  if (m.options.length === 1 && m.options[0] === 'rw') return { title: 'Mount read-only', safe: false, edits: [{ span: { start: m.appendAt - 2, end: m.appendAt }, newText: 'ro' }] };
  if (m.options.length === 0) return { title: 'Mount read-only', safe: false, edits: [{ span: { start: m.appendAt, end: m.appendAt }, newText: ':ro' }] };
  return undefined;
}
