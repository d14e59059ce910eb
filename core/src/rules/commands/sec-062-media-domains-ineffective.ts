import { subSpan } from '../../flags/words';
import { commandRule } from './define';

export const sec062 = commandRule(
  {
    id: 'OVMS-SEC-062',
    name: 'media-domains-ineffective',
    severity: 'warning',
    impact: 'request',
    tags: ['ssrf'],
    title: '`--allowed_media_domains` entries that never match',
    description: 'Reports entries with a scheme (`://`), a path, a port, a wildcard, and `all` mixed with other entries.',
    why: 'Each entry is compared by exact string equality with the URL\'s host (src/llm/io_processing/image_utils.cpp:113-125); `all` works only as the single entry (:97); sub-domains are not matched. Such entries reject every image URL.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_media_domains https://images.example.com/', valid: 'ovms --config_path /models/config.json --rest_port 8000 --allowed_media_domains images.example.com' },
    fix: 'Bare host names, comma-separated: `images.example.com,cdn.example.com`.',
  },
  (ctx, cmd) => {
    const uses = cmd.args.byName.get('allowed_media_domains') ?? [];
    const total = uses.reduce((n, u) => n + (u.value ? u.value.value.split(',').length : 0), 0);
    for (const u of uses) {
      const w = u.value;
      if (!w) continue;
      let i = 0;
      for (const entry of w.value.split(',')) {
        const span = subSpan(w, i, i + entry.length);
        i += entry.length + 1;
        let why: string | undefined;
        if (entry === 'all' && total > 1) why = '`all` disables the check only when it is the single entry';
        else if (entry.includes('://')) why = 'it has a scheme; entries are host names';
        else if (entry.includes('/')) why = 'it has a path; entries are host names';
        else if (entry.includes('*')) why = 'wildcards are not supported; entries are compared exactly';
        else if (/:\d+$/.test(entry)) why = 'it has a port; entries are host names';
        if (why) ctx.report({ span, key: 'allowed_media_domains', message: `\`${entry}\` never matches: ${why}, so image URLs from it are refused. Write the bare host, e.g. \`images.example.com\`.` });
      }
    }
  },
);
