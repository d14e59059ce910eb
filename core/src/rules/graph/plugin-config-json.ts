import { parseStrictJson } from '../../json/parse';
import { decodeWithOffsets } from '../../pbtxt/strings';
import { checkGraph } from '../../proto/check';
import type { GraphRule } from '../types';

export const pluginConfigJson: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-LLM-010',
    name: 'plugin-config-not-json',
    severity: 'error',
    impact: 'load',
    tags: ['llm', 'mediapipe'],
    appliesTo: ['mediapipe-graph'],
    title: 'plugin_config in graph options is not valid JSON',
    description:
      'Parses the `plugin_config` string of LLM, embeddings, rerank, image generation, speech-to-text and text-to-speech options as strict JSON and reports each error at the exact character inside the string, counting the string\'s escape sequences.',
    why:
      'OVMS parses plugin_config with RapidJSON when it initializes the node; a parse failure fails the graph load ("Error during llm node plugin_config option parsing to JSON", src/llm/servable_initializer.cpp:230). Windows paths in CACHE_DIR are a known hazard: a single backslash is a text-format escape, and the JSON then sees an invalid escape or control character.',
    example: {
      language: 'pbtxt',
      invalid: "plugin_config: '{\"KV_CACHE_PRECISION\": \"u8\",}'",
      valid: "plugin_config: '{\"KV_CACHE_PRECISION\": \"u8\"}'",
    },
    fix: 'Write strict JSON inside a single-quoted string: double-quoted keys and values, no trailing comma, forward slashes in paths.',
  },
  check(ctx) {
    const text = ctx.file.text;
    for (const s of checkGraph(ctx.doc.ast).jsonStrings) {
      const v = s.value;
      const parts = v.parts ?? [v.span];
      // the scalar's decoded value is the same string; the per-character source offsets are
      // only needed to place an error, so they are computed for invalid JSON only
      const decoded = v.bytes ? undefined : String(v.value);
      if (decoded !== undefined && decoded.trim() === '') continue; // empty = no plugin config
      if (decoded !== undefined && isJson(decoded)) continue;
      const { value, offsets } = decodeWithOffsets(text, parts);
      if (value.trim() === '') continue;
      const { issues } = parseStrictJson(value);
      for (const issue of issues) {
        const start = offsets[Math.min(issue.span.start, offsets.length - 1)]!;
        let end = offsets[Math.min(issue.span.end, offsets.length - 1)]!;
        if (end <= start) end = start + 1;
        ctx.report({
          message: `${s.field} of ${s.typeName} is not valid JSON: ${issue.message} OVMS fails to load the graph when it parses it.`,
          span: { start, end },
        });
      }
    }
  },
};

/**
 * Whether `text` is JSON as RapidJSON reads it. The engine's JSON.parse is strict RFC 8259 too
 * (no comments, trailing commas, single quotes, NaN, leading zeros, BOM or raw control
 * characters), so a value it accepts needs no positioned parse; only a rejected one is parsed
 * again by parseStrictJson, for messages and positions.
 */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
