import type { EngineRule } from '../types';

/** Findings come from core/src/config/directives-apply.ts (inline) and policy.ts (waivers), only when unused suppressions are reported. */
export const unusedSuppression: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-LINT-004',
    name: 'unused-suppression',
    severity: 'warning',
    impact: 'advice',
    tags: ['suppression'],
    appliesTo: ['mediapipe-graph', 'command-lines', 'settings'],
    title: 'A suppression (inline directive or settings waiver) suppresses nothing',
    description:
      'With `--report-unused-disable-directives` (or `"reportUnusedDisableDirectives": true` in `.ovms-lint.json`), reports every inline `ovms-lint-disable` / `ovms-lint-disable-next-line` directive, or rule id listed in one, that suppressed no finding in this run, every `ovms-lint-enable` that ends no open disable, and every waiver in `.ovms-lint.json` that waived nothing although a file it covers was linted. A rule id counts as unused only when that rule ran: a rule turned off, or one that does not check that kind of file, never makes a suppression unused; a waiver of files this run did not lint is not judged. Inline directives come with a safe fix (`--fix`) that removes the comment (its whole line when it stands alone), or the one unused id from the list.',
    why:
      'A stale directive keeps hiding the problem it was written for if the problem comes back, and it misleads readers into thinking the line is known to be risky. Removing unused ones keeps suppressions meaningful.',
    example: {
      language: 'pbtxt',
      invalid: '# ovms-lint-disable-next-line OVMS-GRAPH-001 -- legacy stream name\ninput_stream: "HTTP_REQUEST_PAYLOAD:input"',
      valid: 'input_stream: "HTTP_REQUEST_PAYLOAD:input"',
    },
    fix: 'Remove the directive, or the rule id from its list (safe fix); remove the waiver from .ovms-lint.json, or correct its files/pointer/node/flag.',
  },
};
