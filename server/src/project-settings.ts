import type { Host } from '../../core/src/host';
import type { ServiceSettings } from '../../core/src/service';
import type { SeverityOrOff } from '../../core/src/types';

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/**
 * The project's settings for a file: the `rules` severities of the nearest .ovms-lint.json
 * (searched upwards, not above a workspace folder). A file that does not parse gives none;
 * its mistakes are findings in the file itself.
 */
export function projectSettings(host: Host, path: string, roots: string[]): ServiceSettings {
  let dir = parent(path);
  for (let i = 0; i < 64 && dir; i++) {
    const text = host.readFile(join(dir, '.ovms-lint.json'));
    if (text !== undefined) return fromText(text);
    if (roots.some((r) => trim(r) === trim(dir!))) break;
    const up = parent(dir);
    if (up === dir) break;
    dir = up;
  }
  return {};
}

function fromText(text: string): ServiceSettings {
  try {
    const raw = JSON.parse(text) as { rules?: Record<string, unknown> };
    const rules: Record<string, SeverityOrOff> = {};
    for (const [k, v] of Object.entries(raw.rules ?? {})) if (typeof v === 'string' && SEVERITIES.has(v)) rules[k] = v as SeverityOrOff;
    return { rules };
  } catch {
    return {};
  }
}

const trim = (p: string) => p.replace(/[\\/]+$/, '');
function parent(p: string): string | undefined {
  const i = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
  return i < 0 ? undefined : i === 0 ? p[0] : p.slice(0, i);
}
const join = (d: string, n: string) => `${trim(d)}${d.includes('\\') && !d.includes('/') ? '\\' : '/'}${n}`;
