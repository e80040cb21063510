import { stringify as toYaml } from "yaml";
import { slugify } from "./markdown";
import { SECTION_IDS } from "./parse-lesson";

export interface ImportedSkeleton {
  slug: string;
  title: string;
  markdown: string;
}

export class ImportError extends Error {}

interface RawConcept {
  name: string;
  attributes: { label: string; statements: string[] }[];
}

const stripInline = (text: string) =>
  text
    .replace(/<\/?b>/gi, "")
    .replace(/<[^>]+>/g, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** "### 1. Cluster IP" → "Cluster IP" */
const headingText = (line: string) =>
  stripInline(
    line
      .replace(/^#+\s*/, "")
      .replace(/^\d+\.\s*/, "")
      .replace(/:$/, ""),
  );

const isTableHeading = (text: string) => /differences|comparison|compared/i.test(text);

/**
 * Turns a raw concept document (### concept sections with "- **Label:**" bullets, a comparison
 * table that may be tab-separated with <b> tags, and explanatory sections) into a lesson skeleton in
 * our format. The skeleton keeps the source's statements so an author can rewrite them in our own
 * words; it is marked draft so it is never published as imported.
 */
export function importConceptDocument(
  source: string,
  options: { module: string; order: number; sourceName: string },
): ImportedSkeleton {
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let docTitle = "";
  const concepts: RawConcept[] = [];
  const table: string[][] = [];
  const keyPoints: string[] = [];
  let phase: "intro" | "concepts" | "table" | "after" = "intro";
  let current: RawConcept | null = null;
  let attribute: RawConcept["attributes"][number] | null = null;
  let attributeIndent = 0;

  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const text = headingText(line);
      if (!docTitle && level <= 2) {
        docTitle = text;
        continue;
      }
      if (level <= 2) {
        phase = isTableHeading(text) ? "table" : concepts.length > 0 || table.length > 0 ? "after" : "concepts";
        current = null;
        attribute = null;
        continue;
      }
      if (phase === "intro" || phase === "concepts") {
        phase = "concepts";
        current = { name: text, attributes: [] };
        concepts.push(current);
        attribute = null;
      }
      continue;
    }
    if (phase === "table") {
      const cells = line.includes("\t")
        ? line.split("\t")
        : line.trim().startsWith("|")
          ? line
              .trim()
              .replace(/^\||\|$/g, "")
              .split("|")
          : null;
      if (cells && !cells.every((c) => /^\s*:?-{2,}:?\s*$/.test(c))) table.push(cells.map(stripInline));
      continue;
    }
    const bullet = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (!bullet) continue;
    const indent = bullet[1].length;
    const text = bullet[2];
    if (phase === "concepts" && current) {
      const label = /^\*\*(.+?):?\*\*:?\s*(.*)$/.exec(text);
      if (label) {
        attribute = {
          label: stripInline(label[1]).replace(/:$/, ""),
          statements: label[2] ? [stripInline(label[2])] : [],
        };
        attributeIndent = indent;
        current.attributes.push(attribute);
      } else if (attribute && indent > attributeIndent && stripInline(text)) {
        attribute.statements.push(stripInline(text));
      }
    } else if (phase === "after" && stripInline(text)) {
      keyPoints.push(stripInline(text));
    }
  }

  const usable = concepts.filter((c) => c.attributes.some((a) => a.statements.length > 0));
  if (usable.length < 1)
    throw new ImportError(
      `${options.sourceName}: found no concept sections ("### Name" followed by "- **Label:**" bullets)`,
    );
  if (table.length < 2)
    throw new ImportError(
      `${options.sourceName}: found no comparison table under a "Key differences" or "Comparison" heading`,
    );

  const conceptRefs = usable.map((c) => ({ id: slugify(c.name), name: c.name }));
  const [header, ...rows] = table;
  const title = conceptRefs.length >= 2 ? conceptRefs.map((c) => c.name).join(" vs ") : docTitle || conceptRefs[0].name;
  const slug = slugify(title.replace(/\bvs\b/g, "vs"));
  const frontmatter = {
    title,
    slug,
    module: options.module,
    order: options.order,
    concepts: conceptRefs,
    summary: docTitle
      ? `TODO: one sentence answering "${docTitle}"`
      : "TODO: one sentence that says what the learner will understand",
    draft: true,
  };

  const out: string[] = [
    "---",
    `# Imported from ${options.sourceName}. Rewrite every statement in our own words, check it against`,
    "# upstream Kubernetes behaviour, then delete `draft: true` to publish.",
    toYaml(frontmatter).trimEnd(),
    "---",
    "",
  ];
  for (const concept of usable) {
    out.push(`## ${concept.name} {#${slugify(concept.name)}}`, "");
    for (const attr of concept.attributes.filter((a) => a.statements.length > 0)) {
      out.push(`### ${attr.label}`, "", ...attr.statements.map((s) => `- ${s}`), "");
    }
  }
  const columnNames = header
    .slice(1)
    .map((name) => conceptRefs.find((c) => c.name.toLowerCase() === name.toLowerCase())?.name ?? name);
  out.push(`## Comparison {#${SECTION_IDS.comparison}}`, "");
  out.push(`| ${[header[0] || "Feature", ...columnNames].join(" | ")} |`);
  out.push(`|${header.map(() => " --- ").join("|")}|`);
  for (const row of rows) out.push(`| ${row.map((cell) => cell.replace(/\|/g, "\\|")).join(" | ")} |`);
  out.push("");
  if (keyPoints.length > 0) {
    out.push(`## Key points {#${SECTION_IDS.keyPoints}}`, "", ...keyPoints.map((p) => `- ${p}`), "");
  }
  return { slug, title, markdown: out.join("\n") };
}
