import type { ParsedDocument } from './documents';
import type { Host } from './host';
import { parseDocument } from './languages';
import { SourceFile } from './text/source';
import type { FileKind } from './types';

/**
 * Every document of one lint run, by path, and the host to reach the files they reference.
 * Referenced files (a graph named by a config, a subconfig named by a graph) are parsed once,
 * on first use, and become part of the run. The deployment model (core/src/deployment) links
 * them together.
 */
export class Project {
  private readonly docs = new Map<string, ParsedDocument>();
  private readonly order: string[] = [];

  constructor(readonly host: Host) {}

  add(doc: ParsedDocument): void {
    if (!this.docs.has(doc.file.path)) this.order.push(doc.file.path);
    this.docs.set(doc.file.path, doc);
  }

  get(path: string): ParsedDocument | undefined {
    return this.docs.get(path);
  }

  /**
   * The document at `path`, parsed as `kind`: the one already in the run, or read through the
   * host and added. Undefined when the file cannot be read.
   */
  load(path: string, kind: FileKind): ParsedDocument | undefined {
    const known = this.docs.get(path);
    if (known) return known;
    const text = this.host.readFile(path);
    if (text === undefined) return undefined;
    const doc = parseDocument(new SourceFile(path, text), kind);
    this.add(doc);
    return doc;
  }

  documents(): ParsedDocument[] {
    return this.order.map((p) => this.docs.get(p)!);
  }
}
