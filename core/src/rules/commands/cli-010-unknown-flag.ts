import type { ArgProblem } from '../../flags/model';
import { compareVersions, FLAG_NAMES, REMOVED_BY_NAME } from '../../flags/table';
import { parseFloatStrict, parseUnsigned } from '../../flags/values';
import { isKnown, show } from '../../flags/words';
import type { Fix } from '../../types';
import { didYouMean } from '../../text/suggest';
import { commandRule } from './define';
import { statefulFlagRemoved } from '../version/ver-003-stateful-removed';

const TASK_MODE_HINT = '`--task`, `--source_model`, `--pull` or `--configure`';

function unmatched(text: string): string {
  return `OVMS exits with "error parsing options - unmatched arguments: ${text}, "`;
}

export const cli010 = commandRule(
  {
    id: 'OVMS-CLI-010',
    name: 'unknown-flag',
    severity: 'error',
    impact: 'startup',
    tags: ['cli'],
    title: 'Argument OVMS cannot parse: unknown, removed or misplaced flag, stray word, bad value',
    description:
      'Reports every argument OVMS\'s option parser (cxxopts) rejects: unknown flags (with a did-you-mean), flags removed in the OVMS version in use (`--resize`, `--mean_pooling`; the stateful-model flags removed in 2026.3 are reported by OVMS-VER-003 instead), task options outside the task modes or given to another task, stray words, a separate `true`/`false` after a boolean flag (`--metrics_enable false`), a flag missing its value, and values that do not parse as the flag\'s type (`--port -1`, `--metrics_enable=yes`).',
    why: 'OVMS allows unrecognised options only to collect them and then exits with "error parsing options - unmatched arguments: …" (src/cli_parser.cpp:435-451); task options are parsed only by the task parsers ("task: text_generation - error parsing options - unmatched arguments : …"). Booleans take an implicit value, so `--metrics_enable false` turns metrics ON and then fails on `false` (reference ovms-config.md §3.1).',
    example: { language: 'shell', invalid: 'ovms --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000 --enable_prefix_cache true', valid: 'ovms --source_model OpenVINO/Qwen3-8B-int4-ov --model_repository_path /models --task text_generation --rest_port 8000 --enable_prefix_caching true' },
    fix: 'Use the flag names of the OVMS version you run (`ovms --help`), `--flag=false` for booleans, and task options only with `--task`.',
  },
  (ctx, cmd, a) => {
    for (const p of cmd.args.problems) report(p);
    // values cxxopts cannot parse for the flag's type
    for (const u of cmd.args.uses) {
      const t = u.def?.type;
      if (!u.value || !isKnown(u.value)) continue;
      const v = u.value.value;
      if ((t === 'uint32' || t === 'uint64') && parseUnsigned(v, t) === undefined) {
        const hint = v.startsWith('-') ? ' The flag is unsigned: negative values are rejected.' : /^\d+$/.test(v) ? ` It is above the ${t} maximum.` : ' Write a plain decimal number.';
        ctx.report({ span: u.value.span, key: u.name, message: `\`--${u.name} ${show(v)}\`: OVMS exits with "error parsing options: Argument '${show(v)}' failed to parse".${hint}` });
      } else if (t === 'float' && parseFloatStrict(v) === undefined) {
        ctx.report({ span: u.value.span, key: u.name, message: `\`--${u.name} ${show(v)}\`: OVMS exits with "Argument '${show(v)}' failed to parse"; a number such as 7.5 is expected.` });
      }
    }
    // task options: parsed only in the task modes, and only by their task's parser
    for (const u of cmd.args.uses) {
      const d = u.def;
      if (d?.group !== 'task') continue;
      const tasks = d.tasks ?? [];
      if (a.taskMode === false && a.mode !== 'help' && !a.opaque) {
        ctx.report({ span: u.span, key: u.name, message: `\`--${u.name}\` is a ${tasks.join('/')} option, parsed only when OVMS generates a graph (${TASK_MODE_HINT}): here ${unmatched(`--${u.name}`)}. Add \`--task ${tasks[0]}\` or set the option in graph.pbtxt.` });
      } else if (a.taskMode && a.task && !tasks.includes(a.task)) {
        ctx.report({ span: u.span, key: u.name, message: `\`--${u.name}\` is a ${tasks.join('/')} option, not one of task ${a.task}: OVMS exits with "task: ${a.task} - error parsing options - unmatched arguments : --${u.name}". Remove it.` });
      }
    }

    function report(p: ArgProblem) {
      switch (p.kind) {
        case 'unknown':
        case 'removed': {
          const removed = REMOVED_BY_NAME.get(p.text);
          if (removed?.removedIn && compareVersions(a.version, removed.removedIn) < 0) return; // still exists in this version
          if (statefulFlagRemoved(p.text, a.version)) return; // OVMS-VER-003 tells the version story
          const name = p.text.replace(/^-+/, '');
          const suggestion = removed?.replacement ?? didYouMean(name, FLAG_NAMES);
          const fixes: Fix[] = suggestion && p.nameSpan ? [{ title: `Replace with --${suggestion}`, safe: false, edits: [{ span: p.nameSpan, newText: `--${suggestion}` }] }] : [];
          const dym = suggestion ? ` Did you mean \`--${suggestion}\`?` : '';
          const shown = p.text.startsWith('-') ? p.text : `--${p.text}`;
          const why = removed?.removedIn
            ? `\`${shown}\` no longer exists in OVMS ${a.version} (${removed.help}): ${unmatched(shown)}.`
            : removed
              ? `\`${shown}\` is not an OVMS flag (${removed.help}): ${unmatched(shown)}.`
              : p.text.startsWith('-')
                ? `\`${shown}\` is not an option: OVMS has long options only (\`--name\`), and ${unmatched(shown)}.`
                : `\`${shown}\` is not an OVMS flag: ${unmatched(shown)}.`;
          ctx.report({ span: p.span, key: name, message: `${why}${dym}`, ...(fixes.length ? { fixes } : {}) });
          return;
        }
        case 'stray':
          ctx.report({ span: p.span, key: p.text, message: `\`${show(p.text)}\` is neither a flag nor the value of one: ${unmatched(show(p.text))}. Quote values that contain spaces, and check for a missing \`--\`.` });
          return;
        case 'bool-separate': {
          const n = p.use!.name;
          const presence = p.use!.def?.type === 'presence';
          const meaning = presence ? `\`--${n}\` acts on its presence alone` : `\`--${n}\` takes no separate value: it is set to true`;
          const fix: Fix = { title: `Remove \`${p.text}\``, safe: p.text === 'true', edits: [{ span: { start: p.use!.word.span.end, end: p.span.end }, newText: '' }] };
          ctx.report({ span: p.span, key: n, message: `${meaning}, and \`${p.text}\` is left over: ${unmatched(p.text)}. Write \`--${n}\`${presence ? '' : ` or \`--${n}=false\``}.`, fixes: [fix] });
          return;
        }
        case 'missing-value':
          ctx.report({ span: p.span, key: p.text, message: `\`--${p.text}\` needs a value: OVMS exits with "Option '${p.text}' is missing an argument".` });
          return;
        case 'bad-value':
          ctx.report({ span: p.span, key: p.use?.name ?? p.text, message: `\`${show(p.text)}\` is not a boolean OVMS can parse: it exits with "Argument '${show(p.text)}' failed to parse". Use true or false (also True/t/1, False/f/0).` });
          return;
      }
    }
  },
);

