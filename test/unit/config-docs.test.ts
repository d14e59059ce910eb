/**
 * The editor's documentation of config.json comes from the annotations of the JSON Schema;
 * the standalone validator never carries them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { memoryHost } from '../../core/src/host';
import { LanguageService } from '../../core/src/service';

const ROOT = path.resolve(__dirname, '../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/ovms-config.schema.json'), 'utf8'));

/** Every `properties` entry of the schema, with its JSON pointer. */
function properties(node: unknown, at = '#', out: [string, Record<string, unknown>][] = []): [string, Record<string, unknown>][] {
  if (Array.isArray(node)) node.forEach((n, i) => properties(n, `${at}/${i}`, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'properties' || k === 'x-suggested-properties') {
        for (const [name, s] of Object.entries(v as Record<string, Record<string, unknown>>)) {
          out.push([`${at}/${k}/${name}`, s]);
          properties(s, `${at}/${k}/${name}`, out);
        }
      } else properties(v, `${at}/${k}`, out);
    }
  }
  return out;
}

describe('config.json documentation', () => {
  test('every key of the schema has a description (except the oneOf branches that only constrain `type`)', () => {
    const missing = properties(schema)
      .filter(([p, s]) => !s.description && !/\/oneOf\/\d+\/properties\/type$/.test(p))
      .map(([p]) => p);
    expect(missing).toEqual([]);
  });

  test('the standalone validator holds no annotation text', () => {
    const code = fs.readFileSync(path.join(ROOT, 'core/src/generated/ovms-config-validator.js'), 'utf8');
    expect(code).not.toContain('The servable name clients call');
    expect(code).not.toContain('x-values');
    expect(code).not.toContain('x-suggested-properties');
  });

  test('hover and completion read the descriptions, x-values and suggested properties', () => {
    const cfg = '{ "model_config_list": [ { "config": { "name": "m", "base_path": "/m", "target_device": "GPU", "plugin_config": { "PERFORMANCE_HINT": "LATENCY" }, "model_version_policy": { "latest": { "num_versions": 2 } } } } ] }';
    const P = '/w/config.json';
    const ls = new LanguageService({ host: memoryHost({ [P]: cfg }) });
    ls.setDocument(P, cfg, 1);
    const at = (needle: string, delta = 1) => ({ line: 0, character: cfg.indexOf(needle) + delta });
    const desc = schema.definitions.model_config.properties.config.properties;
    expect(ls.doHover(P, at('"target_device"'))!.contents.value).toBe(`**\`target_device\`** (string)\n\n${desc.target_device.description}`);
    expect(ls.doHover(P, at('"GPU"'))!.contents.value).toBe('`GPU` — Run on the first Intel GPU (`GPU.1` names the second).');
    expect(ls.doHover(P, at('"num_versions"'))!.contents.value).toBe('**`num_versions`** (integer, required)\n\nHow many of the highest versions to serve; an integer ≥ 1.');
    expect(ls.doHover(P, at('"PERFORMANCE_HINT"'))!.contents.value).toBe('**`PERFORMANCE_HINT`** (string)\n\nOptimise for `LATENCY`, `THROUGHPUT` or `CUMULATIVE_THROUGHPUT`.');
    // an OpenVINO property the schema does not name: the map's own description
    const other = cfg.replace('"PERFORMANCE_HINT"', '"CACHE_DIR"');
    ls.setDocument(P, other, 2);
    expect(ls.doHover(P, { line: 0, character: other.indexOf('"CACHE_DIR"') + 1 })!.contents.value).toBe('`CACHE_DIR` — An OpenVINO property.');
  });
});
