import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { commands } from './commands';

let client: LanguageClient | undefined;

/**
 * Starts the bundled ovms-lint server for MediaPipe graphs and for the JSON, shell, Dockerfile,
 * YAML and Markdown files the server recognises by content as OVMS configs or command lines
 * (a Hugging Face config.json gets nothing: the server detects and ignores it).
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args: ['--stdio'] },
    debug: { module, transport: TransportKind.stdio, args: ['--stdio'], options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'mediapipe-graph' },
      { language: 'json', scheme: 'file' },
      { language: 'shellscript', scheme: 'file' },
      { language: 'dockerfile', scheme: 'file' },
      { language: 'yaml', scheme: 'file' },
      { language: 'markdown', scheme: 'file' },
    ],
    synchronize: { configurationSection: 'ovmsLint' },
    initializationOptions: { settings: vscode.workspace.getConfiguration('ovmsLint') },
  };
  client = new LanguageClient('ovmsLint', 'ovms-lint', serverOptions, clientOptions);
  const c = client;
  const host = {
    restart: () => c.restart(),
    showOutput: () => c.outputChannel.show(true),
    execute: (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args),
  };
  for (const [id, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, () => run(host)));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
