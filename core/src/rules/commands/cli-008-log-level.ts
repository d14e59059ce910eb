import { FLAG_BY_NAME } from '../../flags/table';
import { isKnown } from '../../flags/words';
import { didYouMeanSuffix } from '../../text/suggest';
import { commandRule } from './define';

const LEVELS = FLAG_BY_NAME.get('log_level')!.values!;

export const cli008 = commandRule(
  {
    id: 'OVMS-CLI-008',
    name: 'log-level-value',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: '`--log_level` is not TRACE, DEBUG, INFO, WARNING or ERROR',
    description: 'Reports a `--log_level` other than the five levels OVMS accepts (case-sensitive).',
    why: 'Config::validate() refuses to start with "log_level should be one of: TRACE, DEBUG, INFO, WARNING, ERROR" (src/config.cpp:387-392). docs/parameters.md lists only DEBUG/INFO/ERROR, and lower-case levels are rejected.',
    example: { language: 'shell', invalid: 'ovms --config_path /models/config.json --rest_port 8000 --log_level debug', valid: 'ovms --config_path /models/config.json --rest_port 8000 --log_level INFO' },
    fix: 'Use one of TRACE, DEBUG, INFO, WARNING, ERROR, in capitals.',
  },
  (ctx, _cmd, a) => {
    if (a.mode === 'help') return;
    const u = a.use('log_level');
    if (!u?.value || !isKnown(u.value) || LEVELS.includes(u.value.value)) return;
    ctx.report({ span: u.value.span, key: 'log_level', message: `\`--log_level ${u.value.value}\` is not a level OVMS knows: it refuses to start ("log_level should be one of: TRACE, DEBUG, INFO, WARNING, ERROR"; case-sensitive).${didYouMeanSuffix(u.value.value, LEVELS)}` });
  },
);
