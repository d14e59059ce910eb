export { deploymentOf, linkDeployment, graphContext, graphIn, modelsServedBy, subconfigsSkippedAfter, type Deployment, type GraphLink, type ModelEntry } from './model';
export { servesGenerativeEndpoints, generativeCalculators, generativeNodes, generativeGraphs, type GenerativeNode } from './generative';
export { resolveFrom, dirname, basename, isCloud, isAbsolute, normalize } from './paths';
