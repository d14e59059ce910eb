import type { ConfigDocument, SettingsDocument } from '../documents';
import { parseStrictJson } from '../json/parse';
import type { SourceFile } from '../text/source';

export function parseConfigDocument(file: SourceFile, kind: 'ovms-config' | 'subconfig'): ConfigDocument {
  const { root, issues } = parseStrictJson(file.text);
  return { kind, file, root, syntax: issues };
}

export function parseSettingsDocument(file: SourceFile): SettingsDocument {
  const { root, issues } = parseStrictJson(file.text);
  return { kind: 'settings', file, root, syntax: issues };
}
