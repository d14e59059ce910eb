import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** `node dist/server.js --stdio` (or `ovms-lint lsp --stdio`): the language server over stdio. */
export function main(): void {
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}

if (require.main === module) main();
