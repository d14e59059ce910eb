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

import { dos001 } from './dos-001-grpc-threads';
import { dos002 } from './dos-002-grpc-memory-quota';
import { dos003 } from './dos-003-grpc-channel-limits';
import { dos004 } from './dos-004-rest-workers';
import { dos005 } from './dos-005-streams';
import { dos007 } from './dos-007-auto-shape';
import { dos008 } from './dos-008-cache-dir';
import { dos009 } from './dos-009-cloud-polling';
import { dos010 } from './dos-010-no-memory-limit';
import { dos013 } from './dos-013-grpc-servers-env';
import { sec001 } from './sec-001-root-container';
import { sec002 } from './sec-002-writable-rootfs';
import { sec003 } from './sec-003-read-only-cloud-tmp';
import { sec004 } from './sec-004-pull-read-only';
import { sec005 } from './sec-005-privileged';
import { sec006 } from './sec-006-gpu-group';
import { sec007 } from './sec-007-writable-model-mount';
import { sec008 } from './sec-008-tls-key-mount';
import { sec010 } from './sec-010-exposed-all-interfaces';
import { sec011 } from './sec-011-published-all-interfaces';
import { sec012 } from './sec-012-loopback-published';
import { sec013 } from './sec-013-api-key-missing';
import { sec014 } from './sec-014-api-key-partial';
import { sec015 } from './sec-015-config-reload-reachable';
import { sec016 } from './sec-016-api-key-source';
import { sec017 } from './sec-017-weak-api-key';
import { sec018 } from './sec-018-metrics-exposed';
import { sec020 } from './sec-020-cors-any-origin';
import { sec021 } from './sec-021-cors-credentials-wildcard';
import { sec022 } from './sec-022-cors-multiple-origins';
import { sec024 } from './sec-024-cors-methods';
import { sec030 } from './sec-030-log-trace';
import { sec031 } from './sec-031-log-debug';
import { sec032 } from './sec-032-verbose-response';
import { sec040 } from './sec-040-literal-secret';
import { sec042 } from './sec-042-hf-token-endpoint';
import { sec043 } from './sec-043-s3-plain-http';
import { sec050 } from './sec-050-trust-remote-code';
import { sec053 } from './sec-053-writable-config-reload';
import { sec060 } from './sec-060-media-domains-all';
import { sec061 } from './sec-061-media-redirects';
import { sec062 } from './sec-062-media-domains-ineffective';
import { sec063 } from './sec-063-local-media-path';
import { sec064 } from './sec-064-vlm-fetches-any-url';
import { ver001 } from './ver-001-flag-too-new';
import { ver002 } from './ver-002-unpinned-image';
import { ver006 } from './ver-006-media-fix-missing';

import { sec009 } from './sec-009-podman-selinux';
import { sec023 } from './sec-023-cors-authorization-header';
import { sec041 } from './sec-041-gcs-credentials';
import { sec052 } from './sec-052-cpu-extension';
import { cli009 } from './cli-009-cpu-extension-missing';
import { cli012 } from './cli-012-graph-dir-settings';
import { cli018 } from './cli-018-source-model-overwrites-graph';

export const commandsRules: Rule[] = [
  sec001, sec002, sec003, sec004, sec005, sec006, sec007, sec009, sec010, sec011, sec012, sec013, sec014, sec015, sec016, sec017, sec018, sec020, sec021, sec022, sec023, sec024, sec030, sec031, sec032, sec040, sec041, sec042, sec043, sec050, sec052, sec053, sec060, sec061, sec062, sec063, dos001, dos002, dos003, dos004, dos005, dos007, dos008, dos009, dos010, dos013, cli001, cli002, cli003, cli004, cli005, cli006, cli007, cli008, cli009, cli010, cli011, cli012, cli013, cli014, cli015, cli016, cli017, cli018, cli019, ver001, ver002,
  // version-specific security and media rules (OVMS-SEC-008, -064, OVMS-VER-006)
  sec008, sec064, ver006,
];
