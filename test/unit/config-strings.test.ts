/** The string grammars and path helpers behind the config rules (reference ovms-config.md §2.3, §2.6-2.8). */
import { describe, expect, it } from 'vitest';
import { batchProblem, layoutProblem, shapeProblem } from '../../core/src/rules/config/dimensions';
import { dirOf, hasDotDotSegment, joinPath, normalizePath, versionOf } from '../../core/src/rules/config/paths';

describe('batch_size strings (Dimension::fromString)', () => {
  it.each(['', 'auto', '0', '8', '-1', '1:8', '4:4'])('%j parses', (s) => expect(batchProblem(s)).toBeUndefined());
  it.each(['-2', '0:4', '8:1', 'x', '1-8', '1:8:16'])('%j does not', (s) => expect(batchProblem(s)).toBeDefined());
});

describe('shape strings', () => {
  it.each(['auto', '(1,3,224,224)', '( 1, 3, 224, 224 )', '(-1,3,224:448,1)', '(0)'])('%j parses', (s) => expect(shapeProblem(s)).toBeUndefined());
  it.each(['1,3,224,224', '()', '(1,3', '[1,3]', '(1,(3))', '(1,4:2)', '(1,2:2)', '(1,-2)', '(1,a)', '(1,,2)'])('%j does not', (s) => expect(shapeProblem(s)).toBeDefined());
});

describe('layout strings', () => {
  it.each(['NCHW', 'nhwc:nchw', 'N...', '...', 'N?HW', 'NC:D'])('%j is valid', (s) => expect(layoutProblem(s)).toBeUndefined());
  it('rejects foreign characters and a second colon at parse time', () => {
    expect(layoutProblem('NHWC:NCHW:N')?.atParse).toBe(true);
    expect(layoutProblem('NXHW')?.atParse).toBe(true);
  });
  it('rejects repeated letters and stray dots at model load', () => {
    expect(layoutProblem('NCHWC')?.atParse).toBe(false);
    expect(layoutProblem('N..C')?.atParse).toBe(false);
  });
});

describe('paths', () => {
  it('normalises like a file system, keeping leading .. of relative paths', () => {
    expect(normalizePath('/models/../shared/./m/')).toBe('/shared/m');
    expect(normalizePath('../a/b/..')).toBe('../a');
    expect(normalizePath('/a/..b/..')).toBe('/a');
    expect(normalizePath('C:\\models\\..\\m')).toBe('C:/m');
  });
  it('joins relative paths to the config directory and keeps absolute ones', () => {
    expect(joinPath('/srv/ovms', 'models/resnet')).toBe('/srv/ovms/models/resnet');
    expect(joinPath('/srv/ovms', '/models/resnet')).toBe('/models/resnet');
    expect(joinPath('.', 'models')).toBe('models');
    expect(dirOf('config.json')).toBe('.');
    expect(dirOf('/config.json')).toBe('/');
  });
  it('finds `..` segments with either separator, not `..` inside names', () => {
    expect(hasDotDotSegment('/a/..b/..')).toBe(true);
    expect(hasDotDotSegment('a\\..\\b')).toBe(true);
    expect(hasDotDotSegment('/m..v2/graph..pbtxt')).toBe(false);
  });
  it('takes version numbers as std::stoll does', () => {
    expect(versionOf('1')).toBe(1);
    expect(versionOf('007')).toBe(7);
    expect(versionOf('2_old')).toBe(2);
    expect(versionOf('0')).toBeUndefined();
    expect(versionOf('-3')).toBeUndefined();
    expect(versionOf('v1')).toBeUndefined();
  });
});
