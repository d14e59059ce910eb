import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { nodeHost } from '../../core/src/host-node';
import { LanguageService, type ServiceSettings, type ServiceCodeAction, type ServiceDiagnostic, type LspWorkspaceEdit } from '../../core/src/service';
import { MemoryKeeper } from './memory';
import { DEFAULT_SETTINGS, readSettings, type EditorSettings } from './settings';
import { pathToUri, uriToPath } from './uri';
import { SETTINGS_FILE } from '../../core/src/config/types';

declare const OVMS_LINT_VERSION: string;
const VERSION = typeof OVMS_LINT_VERSION === 'string' ? OVMS_LINT_VERSION : '0.0.0-dev';

/**
 * The LSP server: a thin adapter from LSP to core/src/service. Push diagnostics for clients
 * without pull support, pull (textDocument/diagnostic, workspace/diagnostic) for clients that
 * advertise it; debounced validation; cross-file re-validation.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: EditorSettings = DEFAULT_SETTINGS;
  let pull = false;
  let canConfigure = false;
  let canRefresh = false;
  let canWatch = false;
  let linkSupport = false;
  const timers = new Map<string, NodeJS.Timeout>();
  /** When each document was last edited (performance.now()): edits closer than validateDelay are a burst. */
  const lastEdit = new Map<string, number>();
  const memory = new MemoryKeeper();
  // validation waits for the client's settings (asked for once the client is initialized)
  let settingsLoaded!: () => void;
  const ready = new Promise<void>((resolve) => (settingsLoaded = resolve));

  const service: LanguageService = new LanguageService({
    host: nodeHost,
    // the project's .ovms-lint.json is applied by the core (read through the editor's overlay);
    // the editor's severities are given like command-line ones and win over it
    settingsFor: (): ServiceSettings => ({ rules: settings.rules }),
    log: (message) => connection.console.error(message),
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pull = Boolean(caps.textDocument?.diagnostic);
    canConfigure = Boolean(caps.workspace?.configuration);
    canRefresh = Boolean(caps.workspace?.diagnostics?.refreshSupport);
    canWatch = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    linkSupport = Boolean(caps.textDocument?.definition?.linkSupport);
    const roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri));
    if (roots.length === 0 && params.rootUri) roots.push(uriToPath(params.rootUri));
    service.workspace.roots = roots;
    if (params.initializationOptions && typeof params.initializationOptions === 'object') {
      settings = readSettings((params.initializationOptions as Record<string, unknown>).settings ?? params.initializationOptions);
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', '-', ' ', '[', '.'], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.ovms-lint'] },
        documentSymbolProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        ...(pull ? { diagnosticProvider: { identifier: 'ovms-lint', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: 'ovms-lint', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (canConfigure) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ovmsLint' }).catch(() => {});
      await refreshSettings();
    }
    settingsLoaded();
    if (canWatch) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.ovms-lint.json' }, { globPattern: '**/*.{json,pbtxt}' }] })
        .catch(() => {});
    }
  });

  async function refreshSettings(): Promise<void> {
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'ovmsLint' }]);
      settings = readSettings(raw);
    } catch {
      settings = DEFAULT_SETTINGS;
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canConfigure) await refreshSettings();
    else settings = readSettings((change.settings as Record<string, unknown> | undefined)?.ovmsLint);
    revalidateAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    let all = false;
    for (const c of params.changes) {
      const path = uriToPath(c.uri);
      if (path.endsWith(SETTINGS_FILE)) all = true;
      else if (!service.workspace.isOpen(path)) for (const dep of service.dependents(path)) schedule(dep, 0);
      if (c.type === FileChangeType.Deleted && service.workspace.isOpen(path)) schedule(path, 0);
    }
    if (all) revalidateAll();
  });

  // documents -------------------------------------------------------------------------------

  // TextDocuments fires onDidChangeContent right after onDidOpen: that one is not an edit
  let opening: string | undefined;
  // When the previous document was opened: an open within validateDelay of the previous one is
  // part of a burst (an editor restoring a workspace) and is validated validateDelay after it
  // arrives, by then usually with the files it depends on open, so that a config is not linted
  // again for each of its graphs as they arrive (1,000 files: about 2 s instead of 3.3 s). A
  // single open is validated at once.
  let lastOpen = -Infinity;
  documents.onDidOpen((e) => {
    opening = uriToPath(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    const path = uriToPath(e.document.uri);
    service.setDocument(path, e.document.getText(), e.document.version);
    if (path === opening) {
      opening = undefined;
      const now = performance.now();
      const burst = now - lastOpen < settings.validateDelay;
      lastOpen = now;
      schedule(path, burst ? settings.validateDelay : 0);
    } else edited(path);
  });
  documents.onDidClose((e) => {
    const path = uriToPath(e.document.uri);
    const deps = service.dependents(path);
    service.closeDocument(path);
    clearTimeout(timers.get(path));
    timers.delete(path);
    lastEdit.delete(path);
    if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    for (const d of deps) schedule(d, 0);
  });

  /**
   * Debounce on both edges (lodash's `{ leading: true, trailing: true }`): an edit to an idle
   * document (no validation pending, previous edit older than validateDelay) is validated at
   * once; an edit within validateDelay of the previous one waits until the burst has been quiet
   * for validateDelay, and the last version is validated then.
   */
  function edited(path: string): void {
    const now = performance.now();
    const previous = lastEdit.get(path);
    lastEdit.set(path, now);
    const delay = settings.validateDelay;
    const idle = !timers.has(path) && (previous === undefined || now - previous >= delay);
    if (idle) run(path);
    else schedule(path, delay);
  }

  function schedule(path: string, delay: number): void {
    clearTimeout(timers.get(path));
    timers.set(
      path,
      setTimeout(() => {
        timers.delete(path);
        run(path);
      }, delay),
    );
  }

  function run(path: string): void {
    void ready.then(() => {
      validateAndPublish(path, true);
      memory.didValidate(path);
      if (timers.size === 0) memory.idle();
    });
  }

  function revalidateAll(): void {
    for (const p of service.workspace.openPaths()) schedule(p, 0);
  }

  function validateAndPublish(path: string, cascade: boolean): void {
    if (!service.workspace.isOpen(path)) return;
    if (pull) {
      // the client pulls; tell it that other files' results changed
      if (cascade && canRefresh && (path.endsWith(SETTINGS_FILE) || service.dependents(path).length > 0)) void connection.languages.diagnostics.refresh();
      return;
    }
    const uri = pathToUri(path);
    const diagnostics = settings.enable && service.isOvmsFile(path) ? service.doValidation(path).map(toLspDiagnostic) : [];
    const version = service.workspace.version(path);
    void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics });
    if (!cascade) return;
    // a settings file applies to every file below it, also to those that did not see it yet
    const affected = path.endsWith(SETTINGS_FILE) ? service.workspace.openPaths() : service.dependents(path);
    for (const d of affected) if (d !== path) validateAndPublish(d, false);
  }

  // pull diagnostics ------------------------------------------------------------------------

  connection.languages.diagnostics.on(async (params) => {
    await ready;
    const path = uriToPath(params.textDocument.uri);
    const items = settings.enable && service.isOvmsFile(path) ? service.doValidation(path).map(toLspDiagnostic) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  });

  connection.languages.diagnostics.onWorkspace(async () => {
    await ready;
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (const path of service.workspace.openPaths()) {
      if (!settings.enable || !service.isOvmsFile(path)) continue;
      const a = service.validate(path);
      items.push({ kind: DocumentDiagnosticReportKind.Full, uri: pathToUri(path), version: service.workspace.version(path) ?? null, items: a.diagnostics.map(toLspDiagnostic) });
    }
    return { items };
  });

  // features --------------------------------------------------------------------------------

  const guard = <T>(what: string, fallback: T, f: () => T): T => {
    try {
      return f();
    } catch (e) {
      connection.console.error(`ovms-lint: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return fallback;
    }
  };

  connection.onHover((p) => guard('hover', null, () => service.doHover(uriToPath(p.textDocument.uri), p.position) ?? null));

  connection.onCompletion((p) => guard('completion', { isIncomplete: false, items: [] }, () => service.doComplete(uriToPath(p.textDocument.uri), p.position)));

  connection.onCodeAction((p) =>
    guard('code actions', [] as CodeAction[], () =>
      service
        .doCodeActions(uriToPath(p.textDocument.uri), p.range, {
          diagnostics: p.context.diagnostics as unknown as ServiceDiagnostic[],
          ...(p.context.only ? { only: p.context.only } : {}),
        })
        .map(toLspCodeAction),
    ),
  );

  connection.onDocumentSymbol((p) => guard('symbols', [], () => service.findDocumentSymbols(uriToPath(p.textDocument.uri))));

  connection.onDefinition((p) =>
    guard('definition', [], () => {
      const links = service.findDefinition(uriToPath(p.textDocument.uri), p.position);
      return linkSupport
        ? links.map((l) => ({ originSelectionRange: l.originSelectionRange, targetUri: pathToUri(l.targetPath), targetRange: l.targetRange, targetSelectionRange: l.targetSelectionRange }))
        : links.map((l) => ({ uri: pathToUri(l.targetPath), range: l.targetSelectionRange }));
    }),
  );

  connection.onDocumentLinks((p) =>
    guard('links', [], () => service.findDocumentLinks(uriToPath(p.textDocument.uri)).map((l) => ({ range: l.range, target: pathToUri(l.target), ...(l.tooltip ? { tooltip: l.tooltip } : {}) }))),
  );

  connection.onDocumentFormatting((p) => guard('formatting', [], () => service.format(uriToPath(p.textDocument.uri), p.options)));

  // diagnostics aid (and the benchmark's probe): the server's own memory use
  connection.onRequest('ovmsLint/memoryUsage', () => process.memoryUsage());

  documents.listen(connection);
  connection.listen();
}

function toLspDiagnostic(d: ServiceDiagnostic): Diagnostic {
  return {
    ...d,
    ...(d.relatedInformation
      ? { relatedInformation: d.relatedInformation.map((r) => ({ location: { uri: pathToUri(r.location.path), range: r.location.range }, message: r.message })) }
      : {}),
  } as Diagnostic;
}

function toLspEdit(e: LspWorkspaceEdit): WorkspaceEdit {
  if (!e.create?.length) {
    return { changes: Object.fromEntries(Object.entries(e.changes).map(([p, edits]) => [pathToUri(p), edits])) };
  }
  return {
    documentChanges: [
      ...e.create.map((p) => ({ kind: 'create' as const, uri: pathToUri(p), options: { ignoreIfExists: true } })),
      ...Object.entries(e.changes).map(([p, edits]) => ({ textDocument: { uri: pathToUri(p), version: null }, edits })),
    ],
  };
}

function toLspCodeAction(a: ServiceCodeAction): CodeAction {
  return {
    title: a.title,
    kind: a.kind,
    ...(a.diagnostics ? { diagnostics: a.diagnostics.map(toLspDiagnostic) } : {}),
    ...(a.isPreferred !== undefined ? { isPreferred: a.isPreferred } : {}),
    edit: toLspEdit(a.edit),
  };
}
