import type { Rule } from '../types';
import { cli001 } from './cli-001-config-path-exclusive';
import { cli002 } from './cli-002-no-model-source';
import { cli003 } from './cli-003-ports';
import { cli004 } from './cli-004-grpc-workers';
import { cli005 } from './cli-005-rest-workers';
import { cli006 } from './cli-006-metrics';
import { cli007 } from './cli-007-bind-address';
import { cli008 } from './cli-008-log-level';
import { cli010 } from './cli-010-unknown-flag';
import { cli011 } from './cli-011-preprocessing-needs-layout';
import { cli013 } from './cli-013-mode-conflicts';
import { cli014 } from './cli-014-task-option-value';
import { cli015 } from './cli-015-grpc-channel-arguments';
import { cli016 } from './cli-016-weight-format';
import { cli017 } from './cli-017-relative-path-in-container';
import { cli019 } from './cli-019-model-parameter-format';

export const commandsRules: Rule[] = [
  cli001, cli002, cli003, cli004, cli005, cli006, cli007, cli008, cli010, cli011, cli013, cli014, cli015, cli016, cli017, cli019,
];
