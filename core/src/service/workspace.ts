import { detectKind } from '../detect';
import type { GraphDocument, ParsedDocument } from '../documents';
import type { Host } from '../host';
import { parseDocument } from '../languages';
import { parseEditedGraph } from '../languages/pbtxt';
import { SourceFile } from '../text/source';
import type { FileKind } from '../types';

interface OpenDocument {
  text: string;
  version: number;
}

/**
 * How many parsed documents stay in memory. A parse (syntax tree, and the graph model and
 * type-check results the rules cache on it) costs several times its text; of a thousand open
 * files only the few being edited or hovered need theirs, the others are re-parsed on demand.
 */
const PARSED_KEPT = 16;

/**
 * The files the service works on: the documents open in the editor (their text wins over the
 * disk) on top of a host that reaches everything else. `host` is what lint() gets, so a config
 * validated while its graph is being edited sees the editor's unsaved text of the graph.
 */
export class Workspace {
  private readonly open = new Map<string, OpenDocument>();
  /** Parses of open documents, least recently used first (null: not an OVMS file). */
  private readonly parses = new Map<string, ParsedDocument | null>();
  /**
   * The last parse of an edited graph, until its next parse: that re-parses only the part the
   * edits changed (languages/pbtxt.ts parseEditedGraph), and consumes it.
   */
  private readonly previous = new Map<string, GraphDocument>();
  readonly host: Host;

  constructor(
    private readonly base: Host,
    /** Workspace folders: the search for the config that owns a graph stops at them. */
    public roots: string[] = [],
  ) {
    this.host = {
      readFile: (p) => this.open.get(p)?.text ?? this.base.readFile(p),
      stat: (p) => {
        const o = this.open.get(p);
        return o ? { isFile: true, isDirectory: false, size: o.text.length } : this.base.stat(p);
      },
      readDir: (p) => this.base.readDir(p),
    };
  }

  setDocument(path: string, text: string, version: number): void {
    this.open.set(path, { text, version });
    const parse = this.parses.get(path);
    this.parses.delete(path);
    // after several edits without a parse in between, the older parse is still the one to start from
    if (parse?.kind === 'mediapipe-graph') {
      this.previous.set(path, parse);
      this.trim();
    }
  }

  closeDocument(path: string): void {
    this.open.delete(path);
    this.parses.delete(path);
    this.previous.delete(path);
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  version(path: string): number | undefined {
    return this.open.get(path)?.version;
  }

  openPaths(): string[] {
    return [...this.open.keys()];
  }

  text(path: string): string | undefined {
    return this.host.readFile(path);
  }

  /** The kind of the file at `path` (by name and content), undefined when it is not ours. */
  kind(path: string): FileKind | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : detectKind(path, text);
  }

  /**
   * The parsed document at `path`. Open documents keep their parse until their next change
   * while they are among the PARSED_KEPT most recently used; files that are not open are
   * parsed each time (their owner, e.g. lint's Project, keeps what it needs).
   */
  parsed(path: string): ParsedDocument | undefined {
    const o = this.open.get(path);
    const known = o ? this.parses.get(path) : undefined;
    if (known !== undefined) {
      this.parses.delete(path);
      this.parses.set(path, known);
      return known ?? undefined;
    }
    const text = o?.text ?? this.base.readFile(path);
    const kind = text === undefined ? undefined : detectKind(path, text);
    const prev = o ? this.previous.get(path) : undefined;
    if (prev) this.previous.delete(path);
    const file = text === undefined ? undefined : new SourceFile(path, text);
    // an open graph: its parse is made for editing (re-parsed incrementally on the next edit)
    const doc = !kind || !file ? undefined : o && kind === 'mediapipe-graph' ? parseEditedGraph(prev, file) : parseDocument(file, kind);
    if (o) {
      this.parses.set(path, doc ?? null);
      this.trim();
    }
    return doc;
  }

  /** Keep PARSED_KEPT parses, previous ones included (they go first). */
  private trim(): void {
    while (this.parses.size + this.previous.size > PARSED_KEPT) {
      const lru = this.previous.size ? this.previous : this.parses;
      lru.delete(lru.keys().next().value!);
    }
  }
}
