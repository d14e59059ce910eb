/**
 * The extension's commands: the ids client/package.json contributes, each with its handler.
 * Kept apart from activation so the manifest test can check that every contributed command
 * is implemented (this module needs no `vscode` at load time).
 */
export interface CommandHost {
  restart(): Promise<void>;
  showOutput(): void;
  /** Run a VS Code command (the editor's `executeCommand`). */
  execute(command: string, ...args: unknown[]): Thenable<unknown>;
}

export const FIX_ALL_KIND = 'source.fixAll.ovms-lint';

export const commands: Record<string, (host: CommandHost) => unknown> = {
  'ovmsLint.restartServer': (host) => host.restart(),
  'ovmsLint.showOutput': (host) => host.showOutput(),
  'ovmsLint.fixAll': (host) => host.execute('editor.action.codeAction', { kind: FIX_ALL_KIND, apply: 'first' }),
};
