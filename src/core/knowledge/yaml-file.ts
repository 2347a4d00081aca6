import { LineCounter, parseDocument, isNode, type Document } from "yaml";
import type { z } from "zod";
import type { KnowledgeProblem } from "./problems.ts";

/** A parsed YAML file that can say on which line a path lives, so errors point admins at the spot. */
export class YamlFile {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  static parse(file: string, text: string): { yaml: YamlFile | null; problems: KnowledgeProblem[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
    if (doc.errors.length) {
      return {
        yaml: null,
        problems: doc.errors.map((error) => ({
          file,
          line: error.linePos?.[0]?.line ?? null,
          entry: "file",
          field: "(YAML syntax)",
          message: error.message.split("\n")[0]!,
        })),
      };
    }
    return { yaml: new YamlFile(file, doc, lines), problems: [] };
  }

  toJS(): unknown {
    return this.doc.toJS();
  }

  lineOf(path: readonly PropertyKey[]): number | null {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth) as unknown[], true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return null;
  }

  problem(path: readonly PropertyKey[], entry: string, field: string, message: string): KnowledgeProblem {
    return { file: this.file, line: this.lineOf(path), entry, field, message };
  }

  /** Validates `value` (found at `basePath`) and turns zod issues into located problems. */
  validate<T extends z.ZodType>(schema: T, value: unknown, basePath: readonly PropertyKey[], entry: string): { data: z.output<T> | null; problems: KnowledgeProblem[] } {
    const result = schema.safeParse(value);
    if (result.success) return { data: result.data, problems: [] };
    const problems = result.error.issues.map((issue) => {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
      const path = [...basePath, ...issue.path, ...keys.slice(0, 1)];
      const field = [...issue.path, ...keys].map(String).join(".") || "(entry)";
      const message =
        issue.code === "unrecognized_keys"
          ? "is not a known field"
          : issue.code === "invalid_type" && /received undefined$/.test(issue.message)
            ? "is required but missing"
            : issue.message;
      return this.problem(path, entry, field, message);
    });
    return { data: null, problems };
  }
}
