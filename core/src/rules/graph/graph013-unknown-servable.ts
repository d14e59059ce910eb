import { graphContext } from '../../deployment/model';
import { basename } from '../../deployment/paths';
import { graphModel, optionsOf } from '../../graph/model';
import { stringOf } from '../../graph/pb';
import { didYouMeanSuffix } from '../../text/suggest';
import type { GraphRule } from '../types';

export const graph013: GraphRule = {
  target: 'graph',
  meta: {
    id: 'OVMS-GRAPH-013',
    name: 'session-unknown-servable',
    severity: 'error',
    impact: 'request',
    tags: ['mediapipe', 'cross-file'],
    appliesTo: ['mediapipe-graph'],
    title: 'Session calculator refers to a servable the config does not define',
    description:
      'For graphs served by a linted config.json, checks every `OpenVINOModelServerSessionCalculator` `servable_name` against the models of the main `model_config_list` and of the graph\'s subconfig.json. Graphs linted without their config are not checked.',
    why: 'The session calculator resolves its servable in `Open()` (`openvinomodelserversessioncalculator.cc:184-199`): OVMS loads the graph, and requests fail with MEDIAPIPE_PRECONDITION_FAILED ("failed to load the model"). OVMS docs (mediapipe.md §How to package the graph and models) put the models in the graph\'s subconfig.json.',
    example: {
      language: 'pbtxt',
      invalid: '[type.googleapis.com / mediapipe.OpenVINOModelServerSessionCalculatorOptions]: {\n  servable_name: "resnet50"\n}',
      valid: '[type.googleapis.com / mediapipe.OpenVINOModelServerSessionCalculatorOptions]: {\n  servable_name: "resnet"\n}',
    },
    fix: 'Use the name of a model in config.json or in the graph\'s subconfig.json, or add the model there.',
  },
  check(ctx) {
    const contexts = graphContext(ctx.project, ctx.doc);
    if (!contexts.length) return;
    for (const node of graphModel(ctx.doc).nodes) {
      if (node.calculator?.value !== 'OpenVINOModelServerSessionCalculator') continue;
      const o = optionsOf(node, 'mediapipe.OpenVINOModelServerSessionCalculatorOptions');
      const name = o?.payload ? stringOf(o.payload, 'servable_name') : undefined;
      if (!name || name.value === '') continue;
      for (const { link, models } of contexts) {
        if (models.has(name.value)) continue;
        const where = link.subconfig ? `${basename(link.doc.file.path)} or the graph's ${basename(link.subconfig.file.path)}` : `${basename(link.doc.file.path)} (the graph has no ${basename(link.subconfigPath)})`;
        const related = [{ file: link.doc.file.path, span: link.nameSpan, message: `graph "${link.name}" is served from here` }];
        if (link.subconfig) related.push({ file: link.subconfig.file.path, span: { start: 0, end: 0 }, message: 'models of the graph\'s subconfig' });
        ctx.report({
          span: name.span,
          message: `servable_name "${name.value}" of node ${node.label} is not a model in ${where}; graph "${link.name}" loads, but requests fail (MEDIAPIPE_PRECONDITION_FAILED, "failed to load the model").${didYouMeanSuffix(name.value, models.keys())}`,
          related,
        });
        break;
      }
    }
  },
};
