import type { OvmsCommand } from '../flags/model';
import type { SyntaxIssue } from '../documents';
import { dockerfileInvocations } from './dockerfile';
import { shellInvocations } from './invocations';

const SHELL_LANGS = new Set(['', 'sh', 'bash', 'shell', 'console', 'zsh', 'shell-session', 'text', 'terminal']);
const WINDOWS_LANGS = new Set(['bat', 'cmd', 'batch', 'powershell', 'ps1', 'pwsh', 'ps']);

/**
 * OVMS command lines in the fenced code blocks of a Markdown file (``` or ~~~ fences; shell,
 * console, PowerShell/bat and Dockerfile blocks), with positions in the Markdown file.
 */
export function markdownInvocations(text: string): { commands: OvmsCommand[]; issues: SyntaxIssue[] } {
  const commands: OvmsCommand[] = [];
  const issues: SyntaxIssue[] = [];
  const fence = /^( {0,3})(`{3,}|~{3,})[ \t]*([^\n`]*)$/gm;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(text))) {
    const marker = m[2]!;
    const lang = (m[3] ?? '').trim().split(/[\s{,]/)[0]!.toLowerCase();
    const bodyStart = m.index + m[0].length + 1;
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
    close.lastIndex = bodyStart;
    const c = close.exec(text);
    const bodyEnd = c ? c.index : text.length;
    fence.lastIndex = c ? c.index + c[0].length : text.length;
    if (bodyStart > text.length) break;
    if (lang === 'dockerfile' || lang === 'docker') {
      const r = dockerfileInvocations(text, bodyStart, bodyEnd);
      commands.push(...r.commands);
      continue;
    }
    const windows = WINDOWS_LANGS.has(lang);
    if (!windows && !SHELL_LANGS.has(lang)) continue;
    const r = shellInvocations(text, bodyStart, bodyEnd, 'markdown', windows ? 'windows' : 'posix');
    commands.push(...r.commands);
    // a quote problem in a docs block is reported only where it breaks an OVMS command
    for (const is of r.issues) if (commands.some((x) => x.span.start <= is.span.start && is.span.start <= x.span.end + 1)) issues.push(is);
  }
  return { commands, issues };
}
