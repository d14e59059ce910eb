import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command } from 'commander';
import type { Io } from './main';

/**
 * `ovms-lint lsp --stdio`: start the language server. The server bundle (dist/server.js) is
 * loaded only here, so linting from the command line never pays for it.
 */
export function lspCommand(io: Io): Command {
  return new Command('lsp')
    .description('start the language server (LSP over stdio)')
    .option('--stdio', 'talk LSP over standard input/output (the default and only transport)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action(() => {
      const bundle = path.join(__dirname, 'server.js');
      if (!fs.existsSync(bundle)) {
        io.stderr(`ovms-lint: the language server bundle ${bundle} is missing; run \`npm run build\`.\n`);
        throw new Error('language server bundle missing');
      }
      // a runtime path: esbuild leaves this require alone, so the CLI bundle stays small
      const server = require(bundle) as { main(): void };
      server.main();
    });
}
