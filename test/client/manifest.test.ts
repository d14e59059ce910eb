/**
 * The VS Code extension without VS Code: the manifest is consistent (every contributed command
 * is implemented, the settings schema is valid and matches what the server reads), the
 * language configuration is right, and the TextMate grammar loads and tokenises a graph.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { beforeAll, describe, expect, test } from 'vitest';
import { commands, type CommandHost } from '../../client/src/commands';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';

const ROOT = path.resolve(__dirname, '../..');
const CLIENT = path.join(ROOT, 'client');
const manifest = JSON.parse(fs.readFileSync(path.join(CLIENT, 'package.json'), 'utf8'));
const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('manifest', () => {
  test('has what vsce needs, and engines.vscode matches @types/vscode', () => {
    expect(manifest.publisher).toBe('ovms-lint');
    expect(manifest.version).toBe(rootPkg.version);
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.engines.vscode).toBe('^1.91.0');
    expect(rootPkg.devDependencies['@types/vscode']).toBe('1.91.0');
    expect(fs.existsSync(path.join(CLIENT, 'README.md'))).toBe(true);
  });

  test('every contributed command is implemented, and every implemented command is contributed', () => {
    const contributed = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    expect(Object.keys(commands).sort()).toEqual(contributed);
    for (const c of manifest.contributes.commands) expect(c.title).toMatch(/^[A-Z]/);
  });

  test('commands do what they say', async () => {
    const calls: string[] = [];
    const host: CommandHost = {
      restart: async () => void calls.push('restart'),
      showOutput: () => void calls.push('output'),
      execute: async (c, ...args) => void calls.push(`${c} ${JSON.stringify(args)}`),
    };
    await commands['ovmsLint.restartServer']!(host);
    await commands['ovmsLint.showOutput']!(host);
    await commands['ovmsLint.fixAll']!(host);
    expect(calls).toEqual(['restart', 'output', 'editor.action.codeAction [{"kind":"source.fixAll.ovms-lint","apply":"first"}]']);
  });

  test('activation: graphs by language, JSON by content (no claim on config.json file names)', () => {
    expect(manifest.activationEvents).toContain('onLanguage:json');
    // contributed languages activate implicitly since VS Code 1.74; listing them is redundant
    expect(manifest.activationEvents).not.toContain('onLanguage:mediapipe-graph');
    expect(JSON.stringify(manifest.activationEvents)).not.toMatch(/config\.json|workspaceContains:\*\*\/\*\.json/);
    const [lang] = manifest.contributes.languages;
    expect(lang).toMatchObject({ id: 'mediapipe-graph', extensions: ['.pbtxt'] });
    expect(lang.filenames).toBeUndefined();
    expect(manifest.contributes.jsonValidation).toBeUndefined();
  });

  test('the settings schema is valid JSON Schema, its defaults validate, and the server reads the same keys', () => {
    const props = manifest.contributes.configuration.properties as Record<string, { default: unknown; scope: string }>;
    const ajv = new Ajv({ strict: false });
    const schemaKeywords = ['markdownDescription', 'scope'];
    for (const [key, prop] of Object.entries(props)) {
      const schema = Object.fromEntries(Object.entries(prop).filter(([k]) => !schemaKeywords.includes(k)));
      const validate = ajv.compile(schema);
      expect(validate(prop.default), `${key}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(['resource', 'window', 'application', 'machine-overridable']).toContain(prop.scope);
    }
    const serverKeys = Object.keys(DEFAULT_SETTINGS).map((k) => `ovmsLint.${k}`);
    expect(Object.keys(props).filter((k) => k !== 'ovmsLint.trace.server').sort()).toEqual(serverKeys.sort());
    for (const k of Object.keys(DEFAULT_SETTINGS) as (keyof typeof DEFAULT_SETTINGS)[]) expect(props[`ovmsLint.${k}`]!.default).toEqual(DEFAULT_SETTINGS[k]);
    // a bad value from the client falls back to the default rather than breaking the server
    expect(readSettings({ enable: 'yes', validateDelay: -1, rules: { 'OVMS-SEC-013': 'loud', 'OVMS-CFG-002': 'off' } })).toEqual({
      enable: true,
      validateDelay: DEFAULT_SETTINGS.validateDelay,
      rules: { 'OVMS-CFG-002': 'off' },
    });
  });

  test('the language configuration: # comments and {} <> [] brackets', () => {
    const conf = JSON.parse(fs.readFileSync(path.join(CLIENT, manifest.contributes.languages[0].configuration), 'utf8'));
    expect(conf.comments).toEqual({ lineComment: '#' });
    expect(conf.brackets).toEqual([
      ['{', '}'],
      ['<', '>'],
      ['[', ']'],
    ]);
  });

  test('.vscodeignore ships only the bundles, grammar, configuration and docs', () => {
    const ignore = fs.readFileSync(path.join(CLIENT, '.vscodeignore'), 'utf8').trim().split('\n');
    expect(ignore[0]).toBe('**');
    expect(ignore.slice(1).sort()).toEqual(['!LICENSE', '!README.md', '!dist/extension.js', '!dist/server.js', '!language-configuration.json', '!package.json', '!syntaxes/**']);
  });
});

describe('TextMate grammar', () => {
  let grammar: textmate.IGrammar;

  beforeAll(async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope: string) => {
        const g = manifest.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === scope);
        if (!g) return null;
        const file = path.join(CLIENT, g.path);
        return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
    });
    grammar = (await registry.loadGrammar('source.pbtxt'))!;
  });

  /** Each non-blank token of a line with its most specific scope (adjacent tokens of one scope merged). */
  function tokens(lines: string[]): [string, string][][] {
    let state = textmate.INITIAL;
    return lines.map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      const out: [string, string][] = [];
      for (const t of r.tokens) {
        const text = line.slice(t.startIndex, t.endIndex);
        const scope = t.scopes[t.scopes.length - 1]!;
        const last = out[out.length - 1];
        if (last && last[1] === scope) last[0] += text;
        else out.push([text, scope]);
      }
      return out.filter(([text]) => text.trim() !== '');
    });
  }

  test('tokenises a MediaPipe graph', () => {
    const t = tokens([
      '# OVMS_GRAPH_QUEUE_MAX_SIZE: AUTO',
      'input_stream: "HTTP_REQUEST_PAYLOAD:input"',
      'node {',
      '  calculator: "HttpLLMCalculator"',
      '  node_options: {',
      '    [type.googleapis.com / mediapipe.LLMCalculatorOptions]: {',
      "      max_num_seqs: 256 enable_prefix_caching: true plugin_config: '{\\\"A\\\": 1}'",
      '      input_stream: ["a", "b"]  # trailing comment',
      '    }',
      '  }',
      '}',
    ]);
    expect(t[0]).toEqual([
      ['#', 'punctuation.definition.comment.pbtxt'],
      ['OVMS_GRAPH_QUEUE_MAX_SIZE', 'keyword.other.directive.pbtxt'],
      [': ', 'comment.line.number-sign.directive.pbtxt'],
      ['AUTO', 'constant.other.directive.pbtxt'],
    ]);
    expect(t[1]).toEqual([
      ['input_stream', 'variable.other.property.field.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['"HTTP_REQUEST_PAYLOAD:input"', 'string.quoted.double.pbtxt'],
    ]);
    expect(t[2]).toEqual([
      ['node', 'variable.other.property.field.pbtxt'],
      ['{', 'punctuation.section.message.pbtxt'],
    ]);
    expect(t[5]).toEqual([
      ['[', 'punctuation.definition.extension.begin.pbtxt'],
      ['type.googleapis.com /', 'entity.name.namespace.type-url.pbtxt'],
      ['mediapipe.LLMCalculatorOptions', 'entity.name.type.extension.pbtxt'],
      [']', 'punctuation.definition.extension.end.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['{', 'punctuation.section.message.pbtxt'],
    ]);
    expect(t[6]).toEqual([
      ['max_num_seqs', 'variable.other.property.field.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['256', 'constant.numeric.pbtxt'],
      ['enable_prefix_caching', 'variable.other.property.field.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['true', 'constant.language.pbtxt'],
      ['plugin_config', 'variable.other.property.field.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ["'{", 'string.quoted.single.pbtxt'],
      ['\\"', 'constant.character.escape.pbtxt'],
      ['A', 'string.quoted.single.pbtxt'],
      ['\\"', 'constant.character.escape.pbtxt'],
      [": 1}'", 'string.quoted.single.pbtxt'],
    ]);
    expect(t[7]).toEqual([
      ['input_stream', 'variable.other.property.field.pbtxt'],
      [':', 'punctuation.separator.key-value.pbtxt'],
      ['[', 'punctuation.section.list.pbtxt'],
      ['"a"', 'string.quoted.double.pbtxt'],
      [',', 'punctuation.separator.pbtxt'],
      ['"b"', 'string.quoted.double.pbtxt'],
      [']', 'punctuation.section.list.pbtxt'],
      ['#', 'punctuation.definition.comment.pbtxt'],
      [' trailing comment', 'comment.line.number-sign.pbtxt'],
    ]);
  });
});
