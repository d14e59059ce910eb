export { deploymentOf, linkDeployment, graphContext, type Deployment, type GraphLink, type ModelEntry } from './model';
export { servesGenerativeEndpoints, generativeCalculators } from './generative';
export { resolveFrom, dirname, basename, isCloud, isAbsolute, normalize } from './paths';
