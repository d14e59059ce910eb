import { describe, expect, it } from 'vitest';
import { extractCommands } from '../../core/src/sources';
import { parseShell } from '../../core/src/sources/shell';
import { show } from '../../core/src/flags/words';

const at = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe('shell', () => {
  it('splits words with quotes, continuations, expansions and comments, keeping offsets', () => {
    const text = 'docker run -v "$(pwd)/m":/m \\\n  img --a \'b c\' # comment\necho hi; ovms --x=${Y} 2>&1 > log';
    const r = parseShell(text);
    expect(r.commands.map((c) => c.words.map((w) => show(w.value)))).toEqual([
      ['docker', 'run', '-v', '…/m:/m', 'img', '--a', 'b c'],
      ['echo', 'hi'],
      ['ovms', '--x=…'],
    ]);
    const vol = r.commands[0]!.words[3]!;
    expect(at(text, vol.span)).toBe('"$(pwd)/m":/m');
    expect(vol.offsets[1]).toBe(text.indexOf('/m"'));
    expect(r.issues).toEqual([]);
  });
  it('skips heredoc bodies and reports an unterminated quote', () => {
    const r = parseShell('cat <<EOF > c.json\novms --port 1\nEOF\novms "--port');
    expect(r.commands.map((c) => c.words.map((w) => w.value))).toEqual([['cat'], ['ovms', '--port']]);
    expect(r.issues.map((i) => i.message)).toEqual([expect.stringContaining('Unterminated double quote')]);
  });
});

describe('where command lines live', () => {
  it('Markdown fences (console prompt, bat with ^ continuation)', () => {
    const md = '```console\n$ ovms --port 9000\n```\n\n```bat\novms.exe --rest_port 8000 ^\n  --config_path c:\\m\\config.json\n```\n';
    const r = extractCommands('README.md', md);
    expect(r.commands.map((c) => [c.platform, c.args.uses.map((u) => `${u.name}=${u.value?.value}`)])).toEqual([
      ['linux', ['port=9000']],
      ['windows', ['rest_port=8000', 'config_path=c:\\m\\config.json']],
    ]);
    expect(at(md, r.commands[1]!.args.uses[1]!.value!.span)).toBe('c:\\m\\config.json');
  });
  it('Dockerfile CMD (exec form) on the OVMS image, ENTRYPOINT with ovms (shell form)', () => {
    const df = 'FROM openvino/model_server:2026.3\nUSER root\nCMD ["--config_path", "/m/config.json", "--port", "9000"]\n\nFROM ubuntu\nENTRYPOINT /ovms/bin/ovms --rest_port 8000 \\\n  --model_name m --model_path /m\n';
    const r = extractCommands('Dockerfile', df);
    expect(r.commands.map((c) => c.args.uses.map((u) => u.name))).toEqual([['config_path', 'port'], ['rest_port', 'model_name', 'model_path']]);
    expect(at(df, r.commands[0]!.args.uses[0]!.value!.span)).toBe('"/m/config.json"');
    expect(r.commands[0]!.container!.user!.value).toBe('root');
  });
  it('compose services and Kubernetes containers with their security settings', () => {
    const compose = 'services:\n  ovms:\n    image: openvino/model_server:2025.3\n    command: --config_path /m/config.json --rest_port ${PORT}\n    read_only: true\n    ports: ["127.0.0.1:8000:8000"]\n    environment:\n      API_KEY: ${API_KEY}\n';
    const c = extractCommands('compose.yaml', compose).commands[0]!;
    expect(c.container!.tag).toBe('2025.3');
    expect(c.container!.readOnly).toBeDefined();
    expect(c.container!.publish[0]).toMatchObject({ hostIp: '127.0.0.1' });
    expect(c.args.uses.map((u) => show(u.value!.value))).toEqual(['/m/config.json', '…']);
    expect(c.env.map((e) => [e.name, show(e.value!.value)])).toEqual([['API_KEY', '…']]);
    const k8s = 'apiVersion: v1\nkind: Pod\nspec:\n  securityContext:\n    runAsUser: 0\n  containers:\n    - name: ovms\n      image: openvino/model_server:2026.3\n      args: ["--model_name", "m", "--model_path", "/m", "--port", "$(PORT)"]\n      env:\n        - name: API_KEY\n          valueFrom: {secretKeyRef: {name: s, key: k}}\n';
    const k = extractCommands('pod.yaml', k8s).commands[0]!;
    expect(k.container!.user!.value).toBe('0');
    expect(k.args.uses.map((u) => show(u.value!.value))).toEqual(['m', '/m', '…']);
    expect(k.env[0]).toMatchObject({ name: 'API_KEY', value: undefined, fromSecret: true });
  });
});

describe('Kubernetes volumes with known content', () => {
  it('gives ConfigMap/Secret mounts the files they hold (keys, items[].path, subPath)', () => {
    const text = [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: graphs}', 'data: {graph.pbtxt: "x", subconfig.json: "{}"}', 'binaryData: {lib.so: f0VM}', '---',
      'apiVersion: v1', 'kind: Secret', 'metadata: {name: key}', 'stringData: {api_key: s3cret}', '---',
      'apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: ovms', '      image: openvino/model_server:2026.3',
      '      args: ["--model_name=m", "--model_path=/m", "--rest_port=8000"]', '      volumeMounts:',
      '        - {name: g, mountPath: /m}', '        - {name: g, mountPath: /x/graph.pbtxt, subPath: graph.pbtxt}', '        - {name: g, mountPath: /y/none.pbtxt, subPath: none.pbtxt}',
      '        - {name: picked, mountPath: /p}', '        - {name: k, mountPath: /run/secrets}', '        - {name: other, mountPath: /o}', '        - {name: pvc, mountPath: /models}',
      '  volumes:', '    - {name: g, configMap: {name: graphs}}', '    - {name: picked, configMap: {name: graphs, items: [{key: graph.pbtxt, path: g/graph.pbtxt}]}}',
      '    - {name: k, secret: {secretName: key}}', '    - {name: other, configMap: {name: elsewhere}}', '    - {name: pvc, persistentVolumeClaim: {claimName: c}}', '',
    ].join('\n');
    const cmd = extractCommands('k8s.yaml', text).commands[0]!;
    expect(cmd.container!.mounts.map((m) => [m.target, m.files])).toEqual([
      ['/m', ['graph.pbtxt', 'subconfig.json', 'lib.so']],
      ['/x/graph.pbtxt', ['']],
      ['/y/none.pbtxt', []],
      ['/p', ['g/graph.pbtxt']],
      ['/run/secrets', ['api_key']],
      ['/o', undefined],
      ['/models', undefined],
    ]);
  });
});
