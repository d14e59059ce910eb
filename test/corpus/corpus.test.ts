/**
 * The real-world check: lint everything in ../shared/corpus (files written by others) and assert
 * what must hold for real inputs. Skipped, with a message saying so, when the corpus is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, type LintInput } from '../../core/src';
import { nodeHost } from '../../core/src/host-node';

const CORPUS = path.resolve(__dirname, '../../../shared/corpus');
const present = fs.existsSync(CORPUS);
if (!present) console.warn(`corpus test skipped: ${CORPUS} is absent`);

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe.skipIf(!present)('corpus', () => {
  const files = present ? filesUnder(CORPUS).filter((f) => /\.(json|pbtxt)$/.test(f) && !f.endsWith('MANIFEST.json')) : [];

  it('lints every file without a crash, and every range lies inside its file', () => {
    const inputs: LintInput[] = files.map((f) => ({ path: f, text: fs.readFileSync(f, 'utf8') }));
    const result = lint(inputs, { host: nodeHost });
    expect(result.ruleFailures).toEqual([]);
    for (const fr of result.files) {
      for (const d of fr.findings) {
        if (d.file !== fr.path) continue;
        expect(d.span.start, `${fr.path} ${d.ruleId}`).toBeGreaterThanOrEqual(0);
        expect(d.span.end, `${fr.path} ${d.ruleId}`).toBeLessThanOrEqual(fr.file.text.length);
        expect(d.span.start).toBeLessThanOrEqual(d.span.end);
      }
    }
    expect(result.files.length).toBeGreaterThan(0);
  });
});
