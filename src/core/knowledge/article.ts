import { parseDocument } from "yaml";
import { articleFrontMatterSchema } from "./schema.ts";
import type { z } from "zod";

import type { Lang } from "../i18n/lang.ts";

export interface ArticleSection {
  articleId: string;
  id: string;
  title: Record<Lang, string>;
  text: Record<Lang, string>;
  /** 1-based line of the heading in the file */
  line: number;
}

export interface Article {
  id: string;
  file: string;
  title: Record<Lang, string>;
  pubDate: string;
  sections: ArticleSection[];
}

export interface ArticleProblem {
  line: number;
  entry: string;
  field: string;
  message: string;
}

const HAN = /\p{Script=Han}/u;
const hasHan = (text: string): boolean => HAN.test(text);

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/^\d+\.\s*/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Markdown emphasis and list markers are noise in chat answers. */
function plainText(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line
        .replace(/^\s*[*-]\s+/, "• ")
        .replace(/\*\*(.+?)\*\*/g, "$1")
        .replace(/\*(.+?)\*/g, "$1")
        .trim(),
    )
    .join("\n");
}

function splitTitle(heading: string): Record<Lang, string> {
  const parts = heading.split(/\s+\/\s+/);
  const unnumbered = (part: string) => part.replace(/^\d+\.\s*/, "").trim();
  const en = unnumbered(parts.find((part) => !hasHan(part)) ?? heading);
  const zh = unnumbered(parts.find((part) => hasHan(part)) ?? "");
  return { en: en.trim(), zh: zh.trim() };
}

interface RawSection {
  heading: string;
  line: number;
  paragraphs: string[];
}

function splitSections(body: string, firstLine: number): { h1: string | null; sections: RawSection[] } {
  let h1: string | null = null;
  const sections: RawSection[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const current = sections.at(-1);
    if (current && paragraph.length) current.paragraphs.push(paragraph.join("\n"));
    paragraph = [];
  };
  body.split("\n").forEach((line, index) => {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      if (heading[1] === "#") h1 = heading[2]!.trim();
      else sections.push({ heading: heading[2]!.trim(), line: firstLine + index, paragraphs: [] });
    } else if (line.trim() === "") flush();
    else paragraph.push(line);
  });
  flush();
  return { h1, sections };
}

/** Paragraphs with Han characters are Chinese; a Han-free paragraph repeated later (a product name) belongs to the Chinese half. */
function byLanguage(paragraphs: string[]): Record<Lang, string> {
  const en: string[] = [];
  const zh: string[] = [];
  for (const paragraph of paragraphs) {
    if (hasHan(paragraph) || en.includes(paragraph)) zh.push(paragraph);
    else en.push(paragraph);
  }
  return { en: plainText(en.join("\n\n")), zh: plainText(zh.join("\n\n")) };
}

export function parseArticle(file: string, source: string): { article: Article | null; problems: ArticleProblem[] } {
  const problems: ArticleProblem[] = [];
  const id = file.replace(/^.*\//, "").replace(/\.md$/, "");
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) {
    problems.push({ line: 1, entry: id, field: "front matter", message: "must start with a --- YAML front matter block ---" });
    return { article: null, problems };
  }
  const doc = parseDocument(match[1]!);
  if (doc.errors.length) {
    problems.push({ line: 2, entry: id, field: "front matter", message: doc.errors[0]!.message.split("\n")[0]! });
    return { article: null, problems };
  }
  const front = articleFrontMatterSchema.safeParse(doc.toJS());
  if (!front.success) {
    for (const issue of front.error.issues) {
      problems.push({ line: 2, entry: id, field: issue.path.join(".") || "front matter", message: issue.message });
    }
    return { article: null, problems };
  }
  const frontMatter: z.infer<typeof articleFrontMatterSchema> = front.data;
  const bodyStartLine = match[0].split("\n").length;
  const { h1, sections: raw } = splitSections(source.slice(match[0].length), bodyStartLine);
  const sections: ArticleSection[] = [];
  for (const section of raw) {
    const title = splitTitle(section.heading);
    const text = byLanguage(section.paragraphs);
    const sectionId = slugify(title.en);
    const entry = `section "${title.en}"`;
    if (!title.zh) problems.push({ line: section.line, entry, field: "heading", message: 'needs "English / 中文" titles' });
    for (const lang of ["en", "zh"] as const) {
      if (!text[lang] && section.paragraphs.length) {
        problems.push({ line: section.line, entry, field: lang, message: `has no ${lang === "en" ? "English" : "Chinese"} text` });
      }
    }
    if (sections.some((s) => s.id === sectionId)) {
      problems.push({ line: section.line, entry, field: "heading", message: "duplicates another section's title" });
    }
    sections.push({ articleId: id, id: sectionId, title, text, line: section.line });
  }
  const title = h1 ? splitTitle(h1) : { en: frontMatter.title, zh: "" };
  return {
    article: {
      id,
      file,
      title: { en: title.en || frontMatter.title, zh: title.zh || title.en || frontMatter.title },
      pubDate: frontMatter.pubDate,
      sections,
    },
    problems,
  };
}
