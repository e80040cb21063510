import type { Question } from "./types";

const mark = (on: boolean) => (on ? "[x]" : "[ ]");

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
  switch (q.kind) {
    case "single":
    case "true-false":
    case "multiple":
      for (const o of q.options) {
        const right = q.kind === "multiple" ? q.answer.includes(o.id) : q.answer === o.id;
        lines.push(`   ${mark(right)} ${o.text}${o.misconception ? `   (misconception: ${o.misconception})` : ""}`);
      }
      break;
    case "matching":
      for (const item of q.items)
        lines.push(`   ${item.text} → ${q.choices.find((c) => c.id === q.answer[item.id])?.text}`);
      break;
    case "cloze":
      lines.push(`   ${q.before}[${q.answer}]${q.after}`);
      break;
    case "ordering":
      for (const [i, id] of q.answer.entries()) lines.push(`   ${i + 1}. ${q.items.find((it) => it.id === id)?.text}`);
      break;
  }
  for (const e of q.evidence ?? []) {
    lines.push(`   observed $ ${e.command}`);
    for (const l of e.output.trimEnd().split("\n").filter(Boolean)) lines.push(`     ${l}`);
  }
  lines.push(`   explanation: ${q.explanation}`);
  return lines.join("\n");
}
