import { relative } from "node:path";

const REASONS: Record<string, string> = {
  ENOENT: "is missing",
  EACCES: "cannot be read (permission denied)",
  EPERM: "cannot be read (operation not permitted)",
  ELOOP: "is a symbolic link loop",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "is inside something that is not a folder",
  EMFILE: "cannot be opened now (too many open files)",
};

/** A filesystem error as an admin reads it: which knowledge file, and what is wrong with it, in words. */
export function describeFsError(error: unknown, knowledgeDir: string): string | null {
  const { code, path } = (error ?? {}) as { code?: string; path?: string };
  if (!code || !REASONS[code]) return null;
  const where = path ? `knowledge/${relative(knowledgeDir, path) || "."}` : "knowledge/";
  return `${where} ${REASONS[code]} (${code})`;
}
