import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_OPTIONS } from '../../core/src';
import { SETTINGS_KEYS, WAIVER_KEYS } from '../../core/src/config/parse';

const ROOT = path.join(__dirname, '../..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/ovms-lint-settings.schema.json'), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
const FIX = path.join(ROOT, 'test/fixtures/rules');

describe('schemas/ovms-lint-settings.schema.json', () => {
  it('names exactly the keys the settings reader knows', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...SETTINGS_KEYS].sort());
    expect(Object.keys(schema.definitions.waiver.properties).sort()).toEqual([...WAIVER_KEYS].sort());
    expect(Object.keys(schema.properties.options.properties).sort()).toEqual(Object.keys(DEFAULT_RULE_OPTIONS).sort());
  });
  it('accepts the settings files of the valid fixtures', () => {
    for (const id of fs.readdirSync(FIX)) {
      const p = path.join(FIX, id, 'valid/.ovms-lint.json');
      if (!fs.existsSync(p)) continue;
      expect(validate(JSON.parse(fs.readFileSync(p, 'utf8'))), `${p}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
  it('rejects the mistakes OVMS-LINT-001 and -002 report', () => {
    for (const id of ['OVMS-LINT-001', 'OVMS-LINT-002']) {
      const p = path.join(FIX, id, 'invalid/.ovms-lint.json');
      expect(validate(JSON.parse(fs.readFileSync(p, 'utf8'))), p).toBe(false);
    }
  });
});
