/**
 * Reference ovms-config.md §2.5: a graph without subconfig.json whose directory holds a Hugging
 * Face config.json makes OVMS stop the subconfig pass; the graphs after it (mediapipe_config_list
 * first, then graph entries of model_config_list, §2.1) lose their subconfig models.
 */
import { describe, expect, it } from 'vitest';
import { lint, memoryHost } from '../../core/src';
import { deploymentOf, subconfigsSkippedAfter } from '../../core/src/deployment';
import { parseDocument } from '../../core/src/languages';
import { Project } from '../../core/src/project';
import { SourceFile } from '../../core/src/text/source';

const GRAPH = 'input_stream: "in"\noutput_stream: "out"\n';
const HF = '{"architectures": ["LlamaForCausalLM"], "model_type": "llama"}';
const SUB = '{"model_config_list": [{"config": {"name": "emb", "base_path": "m"}}]}';

function setup(config: object, extra: Record<string, string> = {}) {
  const files: Record<string, string> = {
    '/d/config.json': JSON.stringify(config, null, 1),
    '/d/chat/graph.pbtxt': GRAPH,
    '/d/chat/config.json': HF,
    '/d/embed/graph.pbtxt': GRAPH,
    '/d/embed/subconfig.json': SUB,
    '/d/rerank/graph.pbtxt': GRAPH,
    '/d/rerank/subconfig.json': SUB.replace('"emb"', '"rr"'),
    ...extra,
  };
  return files;
}

function cfg016(files: Record<string, string>): string[] {
  const r = lint([{ path: '/d/config.json', text: files['/d/config.json']! }], { host: memoryHost(files) });
  return r.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'OVMS-CFG-016').map((x) => `${f.path}:${f.file.positionAt(x.span.start).line} ${x.message.slice(0, 40)} | ${(x.related ?? []).map((r) => r.file).join(',')}`));
}

describe('Hugging Face config.json read as a subconfig (§2.5)', () => {
  it('stops the subconfig pass: every later graph with a subconfig is named, at the graph that stops it', () => {
    const files = setup({ model_config_list: [], mediapipe_config_list: [{ name: 'embed', base_path: 'embed' }, { name: 'chat', base_path: 'chat' }, { name: 'rerank', base_path: 'rerank' }] });
    expect(cfg016(files)).toEqual(['/d/config.json:9 Graph "chat" has no subconfig.json, so O | /d/chat/config.json,/d/rerank/subconfig.json']);
    const project = new Project(memoryHost(files));
    project.add(parseDocument(new SourceFile('/d/config.json', files['/d/config.json']!), 'ovms-config'));
    const chat = deploymentOf(project).graphs.find((g) => g.name === 'chat')!;
    expect(chat.foreignSubconfig).toBe('/d/chat/config.json');
    expect(subconfigsSkippedAfter(project, chat).map((g) => g.name)).toEqual(['rerank']);
  });

  it('mediapipe_config_list graphs come before model_config_list graph entries', () => {
    const files = setup({ model_config_list: [{ config: { name: 'chat', base_path: 'chat' } }], mediapipe_config_list: [{ name: 'embed', base_path: 'embed' }] });
    expect(cfg016(files)).toEqual([]);
    const after = setup({ model_config_list: [{ config: { name: 'chat', base_path: 'chat' } }, { config: { name: 'embed', base_path: 'embed' } }] });
    expect(cfg016(after)).toEqual(['/d/config.json:5 Graph "chat" has no subconfig.json, so O | /d/chat/config.json,/d/embed/subconfig.json']);
  });

  it('nothing when the graph has a subconfig.json, names its subconfig, or no later graph has one', () => {
    const list = { model_config_list: [], mediapipe_config_list: [{ name: 'chat', base_path: 'chat' }, { name: 'embed', base_path: 'embed' }] };
    expect(cfg016(setup(list, { '/d/chat/subconfig.json': '{"model_config_list": []}' }))).toEqual([]);
    expect(cfg016(setup({ ...list, mediapipe_config_list: [{ name: 'chat', base_path: 'chat', subconfig: 'none.json' }, { name: 'embed', base_path: 'embed' }] }))).toEqual([]);
    expect(cfg016(setup({ model_config_list: [], mediapipe_config_list: [{ name: 'chat', base_path: 'chat' }] }))).toEqual([]);
  });
});
