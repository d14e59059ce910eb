import type { EngineRule } from '../types';

export const syntaxCmd: EngineRule = {
  target: 'engine',
  meta: {
    id: 'OVMS-SYNTAX-CMD',
    name: 'command-syntax',
    severity: 'error',
    impact: 'startup',
    tags: ['syntax', 'cli'],
    appliesTo: ['command-lines'],
    title: 'OVMS command line cannot be parsed',
    description:
      'Reports command lines that cannot be split into arguments the way a shell would: an unterminated quote, a line continuation at the end of the file, a YAML or Dockerfile exec form that is not a list of strings.',
    why: 'A command that the shell cannot parse never starts OVMS; one that parses differently from what was meant passes OVMS other arguments than the ones written.',
    example: {
      language: 'shell',
      invalid: 'ovms --config_path "/models/config.json --rest_port 8000',
      valid: 'ovms --config_path "/models/config.json" --rest_port 8000',
    },
    fix: 'Close the quote or remove the stray continuation.',
  },
};
