/** File-system questions graph rules ask, through the project's host (never `fs`). */
import type { GraphDocument } from '../../documents';
import { dirname, isCloud, resolveFrom } from '../../deployment/paths';
import type { Project } from '../../project';

/** Whether the graph's own file is visible through the host, so paths next to it can be judged. */
export function graphOnDisk(project: Project, graph: GraphDocument): boolean {
  return project.host.stat(graph.file.path)?.isFile === true;
}

/** A path from a graph option resolved as OVMS does: relative to the graph's directory. */
export function resolveFromGraph(graph: GraphDocument, p: string): string {
  return isCloud(p) ? p : resolveFrom(dirname(graph.file.path), p);
}
