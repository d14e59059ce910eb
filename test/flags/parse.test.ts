import { describe, expect, it } from 'vitest';
import { parseOvmsArgs } from '../../core/src/flags/parse-ovms';
import { parsePublish, parseVolume, splitImage } from '../../core/src/flags/docker';
import { plainWord, UNKNOWN } from '../../core/src/flags/words';
import { badChannelArguments, invalidBindAddressParts, parseUnsigned, versionOfTag } from '../../core/src/flags/values';

function words(line: string) {
  const out = [];
  let i = 0;
  for (const w of line.split(' ')) {
    out.push(plainWord(w, i));
    i += w.length + 1;
  }
  return out;
}

describe('parseOvmsArgs (cxxopts rules)', () => {
  it('reads --flag value and --flag=value with exact spans', () => {
    const a = parseOvmsArgs(words('--port 9000 --rest_port=8000'));
    expect(a.uses.map((u) => [u.name, u.value?.value, u.span, u.value?.span])).toEqual([
      ['port', '9000', { start: 0, end: 11 }, { start: 7, end: 11 }],
      ['rest_port', '8000', { start: 12, end: 28 }, { start: 24, end: 28 }],
    ]);
    expect(a.problems).toEqual([]);
  });
  it('booleans take no separate value', () => {
    const a = parseOvmsArgs(words('--metrics_enable false --rest_port 8000'));
    expect(a.uses.map((u) => u.name)).toEqual(['metrics_enable', 'rest_port']);
    expect(a.problems.map((p) => [p.kind, p.text, p.span])).toEqual([['bool-separate', 'false', { start: 17, end: 22 }]]);
  });
  it('a value-taking flag swallows the next word, whatever it is', () => {
    const a = parseOvmsArgs(words('--log_path --port 9000'));
    expect(a.uses.map((u) => [u.name, u.value?.value])).toEqual([['log_path', '--port']]);
    expect(a.problems.map((p) => p.kind)).toEqual(['stray']);
  });
  it('unknown, removed and single-dash flags; missing value at the end', () => {
    const a = parseOvmsArgs(words('--Port 1 --stateful -port 2 x --log_level'));
    expect(a.problems.map((p) => [p.kind, p.text])).toEqual([
      ['unknown', 'Port'],
      ['removed', 'stateful'],
      ['unknown', '-port'],
      ['stray', 'x'],
      ['missing-value', 'log_level'],
    ]);
  });
  it('-h is help; an unknown expansion is not a stray word', () => {
    const a = parseOvmsArgs([plainWord('-h', 0), { ...plainWord('xx', 3), value: UNKNOWN + 'x' }]);
    expect(a.uses.map((u) => u.name)).toEqual(['help']);
    expect(a.problems).toEqual([]);
  });
});

describe('values', () => {
  it('unsigned integers as cxxopts reads them', () => {
    expect(parseUnsigned('0x1F90', 'uint32')).toBe(8080n);
    expect(parseUnsigned('08080', 'uint32')).toBe(8080n);
    for (const bad of ['-1', '+5', '9000abc', ' 90', '', '4294967296', '0X10']) expect(parseUnsigned(bad, 'uint32'), bad).toBeUndefined();
    expect(parseUnsigned('4294967296', 'uint64')).toBe(4294967296n);
  });
  it('bind addresses (reference §3.7)', () => {
    for (const ok of ['::', '::1', '::ffff:1.2.3.4', 'localhost', '127.0.0.1,::1', '0.0.0.0', 'ovms-0.svc', '']) expect(invalidBindAddressParts(ok), ok).toEqual([]);
    for (const bad of ['127.0.0.1,', ',127.0.0.1', 'a,,b', '[::1]', 'fe80::1%eth0', 'example.com.', 'my_host', '01.2.3.4', '1.2.3', ' 1.2.3.4', 'cafe', 'dead.beef']) {
      expect(invalidBindAddressParts(bad).length, bad).toBeGreaterThan(0);
    }
  });
  it('gRPC channel arguments (reference §3.3)', () => {
    for (const ok of ['a=1', 'a=1,', 'a=b=', '=1', 'a=1,b=2']) expect(badChannelArguments(ok), ok).toEqual([]);
    for (const bad of ['a=', 'a=b=c', ',a=1', 'a=1,,b=2']) expect(badChannelArguments(bad).length, bad).toBeGreaterThan(0);
  });
  it('image tags give the OVMS version', () => {
    expect(versionOfTag('2025.3-gpu')).toBe('2025.3');
    expect(versionOfTag('2024.5.1-py')).toBe('2024.5');
    expect(versionOfTag('latest')).toBeUndefined();
    expect(splitImage('registry:5000/openvino/model_server:2026.3@sha256:ab')).toEqual({ imageName: 'registry:5000/openvino/model_server', tag: '2026.3', digest: 'sha256:ab' });
  });
  it('docker -p and -v', () => {
    expect(parsePublish(plainWord('8000:8000', 0))).toMatchObject({ hostIp: '', hostPort: '8000', containerPort: '8000' });
    expect(parsePublish(plainWord('127.0.0.1:8000:8000/tcp', 0))).toMatchObject({ hostIp: '127.0.0.1', containerPort: '8000' });
    expect(parsePublish(plainWord('[::1]:8000:8000', 0))).toMatchObject({ hostIp: '::1', containerPort: '8000' });
    expect(parsePublish(plainWord('9000', 0))).toMatchObject({ hostIp: '', containerPort: '9000' });
    expect(parseVolume(plainWord('C:\\models:/models:ro,Z', 0))).toMatchObject({ source: 'C:\\models', target: '/models', readOnly: true, type: 'bind', options: ['ro', 'Z'] });
    expect(parseVolume(plainWord('models:/models', 0))).toMatchObject({ source: 'models', type: 'volume', readOnly: false });
  });
});
