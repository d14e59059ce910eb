import type { SyntaxIssue } from '../documents';
import type { OvmsCommand } from '../flags/model';
import { dockerfileInvocations } from './dockerfile';
import { shellInvocations } from './invocations';
import { markdownInvocations } from './markdown';
import { yamlInvocations } from './yaml';

export type CommandFileFormat = 'shell' | 'windows' | 'markdown' | 'dockerfile' | 'yaml';

/** The format of a file holding command lines, from its name. */
export function commandFileFormat(path: string): CommandFileFormat {
  const b = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  if (b === 'dockerfile' || b.startsWith('dockerfile.') || b.endsWith('.dockerfile') || b === 'containerfile') return 'dockerfile';
  const ext = b.includes('.') ? b.slice(b.lastIndexOf('.') + 1) : '';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'yml' || ext === 'yaml') return 'yaml';
  if (ext === 'ps1' || ext === 'bat' || ext === 'cmd') return 'windows';
  return 'shell';
}

/** Every OVMS invocation in a file, with positions in the file, and the syntax problems met. */
export function extractCommands(path: string, text: string): { commands: OvmsCommand[]; issues: SyntaxIssue[] } {
  switch (commandFileFormat(path)) {
    case 'markdown':
      return markdownInvocations(text);
    case 'dockerfile':
      return dockerfileInvocations(text);
    case 'yaml':
      return yamlInvocations(text);
    case 'windows':
      return shellInvocations(text, 0, text.length, 'shell', 'windows');
    case 'shell':
      return shellInvocations(text, 0, text.length, 'shell', 'posix');
  }
}
