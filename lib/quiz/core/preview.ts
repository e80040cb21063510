import { kindModule } from "./kinds";
import type { Question } from "./types";

/** A question with its key, for authors reviewing what a lesson generates. */
export function formatQuestion(q: Question, index: number): string {
  const lines = [
    `${index}. ${q.prompt}`,
    `   id: ${q.id} · ${q.kind} · difficulty ${q.difficulty} · ${q.source} · concepts: ${q.concepts.join(", ")} · section: #${q.sectionId}`,
  ];
  for (const c of q.context ?? []) {
    lines.push(`   $ ${c.command}`);
    for (const l of c.output.trimEnd().split("\n").filter(Boolean)) lines.push(`     ${l}`);
  }
  for (const l of kindModule(q.kind).preview(q)) lines.push(`   ${l}`);
  for (const e of q.evidence ?? []) {
    lines.push(`   observed $ ${e.command}`);
    for (const l of e.output.trimEnd().split("\n").filter(Boolean)) lines.push(`     ${l}`);
  }
  lines.push(`   explanation: ${q.explanation}`);
  return lines.join("\n");
}
