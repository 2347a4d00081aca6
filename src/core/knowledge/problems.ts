export interface KnowledgeProblem {
  file: string;
  line: number | null;
  entry: string;
  field: string;
  message: string;
}

export function formatProblem(problem: KnowledgeProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.entry}, field "${problem.field}": ${problem.message}`;
}

export class KnowledgeInvalidError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`knowledge is invalid:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    this.name = "KnowledgeInvalidError";
  }
}
