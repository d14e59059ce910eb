import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../core/src';
import { renderRuleDocs } from '../../core/src/docs/markdown';

const DIR = path.join(__dirname, '../../docs/rules');

describe('generated rule docs (run `npm run docs` after adding or changing a rule)', () => {
  const files = renderRuleDocs(allRules);
  it('docs/rules holds exactly one page per rule plus the index', () => {
    const onDisk = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.md')).sort() : [];
    expect(onDisk).toEqual([...files.keys()].sort());
  });
  for (const [name, text] of files) {
    it(`docs/rules/${name} is up to date`, () => {
      const p = path.join(DIR, name);
      expect(fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '(missing)', `${p} is stale: run \`npm run docs\``).toBe(text);
    });
  }
  it('the index links every rule page', () => {
    const index = files.get('README.md')!;
    for (const r of allRules) expect(index).toContain(`[${r.meta.id}](${r.meta.id}.md)`);
  });
});
