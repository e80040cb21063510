import { z } from "zod";
import { splitFrontmatter } from "../../content/frontmatter";
import type { ContentProblem } from "../../content/types";
import { checkSchema } from "./check-schema";
import { giveawayMessage, hintsGivingAway } from "./hint-giveaway";
import type { Drill } from "./types";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lowercase words joined by hyphens");
const command = z.string().trim().min(1).max(500);

const observe = z
  .string()
  .regex(
    /^(output|outcome|address-count|distinct-outputs|same-output|contains:.+)$/,
    "observe is output, outcome, address-count, distinct-outputs, same-output or contains:<text>",
  );

/** Stages of help a task may offer before its solution. */
export const MAX_HINTS = 4;

const stepSchema = z.discriminatedUnion("type", [
  z.object({
    id: slug,
    type: z.literal("predict"),
    prompt: z.string().min(1),
    options: z
      .array(z.object({ text: z.string().min(1), value: z.coerce.string() }))
      .min(2, "a prediction needs at least two options")
      .max(6),
    run: z.array(command).min(1, "a prediction runs at least one command"),
    observe,
    explanation: z.string().min(1),
  }),
  z.object({
    id: slug,
    type: z.literal("task"),
    prompt: z.string().min(1),
    hints: z.array(z.string().min(1)).max(MAX_HINTS, `a task has at most ${MAX_HINTS} hints`).default([]),
    check: z.array(checkSchema).min(1),
    solution: z.array(command).min(1),
    explanation: z.string().min(1),
  }),
]);

export const drillSchema = z.object({
  title: z.string().min(1),
  slug,
  lesson: slug,
  order: z.number().int().min(0),
  summary: z.string().min(1),
  seed: z.number().int().min(0),
  cluster: z
    .object({ workers: z.number().int().min(1).max(10).optional(), proxyMode: z.enum(["iptables", "ipvs"]).optional() })
    .default({}),
  files: z.record(z.string(), z.string()).default({}),
  setup: z.array(command).default([]),
  steps: z.array(stepSchema).min(1, "a drill needs at least one step"),
});

export function parseDrill(
  source: string,
  sourcePath: string,
  module: string,
): { drill: Drill | null; problems: ContentProblem[] } {
  const doc = splitFrontmatter(source);
  if (doc.error)
    return { drill: null, problems: [{ file: sourcePath, line: doc.error.line, message: doc.error.message }] };
  const parsed = drillSchema.safeParse(doc.data);
  if (!parsed.success) {
    return {
      drill: null,
      problems: parsed.error.issues.map((i) => ({
        file: sourcePath,
        line: 2,
        message: `drill ${i.path.join(".") || "frontmatter"}: ${i.message}`,
      })),
    };
  }
  const ids = parsed.data.steps.map((s) => s.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate)
    return {
      drill: null,
      problems: [{ file: sourcePath, line: 2, message: `drill steps: the id "${duplicate}" is used twice` }],
    };
  // As written, placeholders unfilled; content:check compares them again filled (checkDrill).
  const giveaways = parsed.data.steps.flatMap((step) =>
    step.type === "task"
      ? hintsGivingAway(step.hints, step.solution).map((hint) => ({
          file: sourcePath,
          line: 2,
          message: giveawayMessage(step.id, hint),
        }))
      : [],
  );
  if (giveaways.length > 0) return { drill: null, problems: giveaways };
  return { drill: { ...parsed.data, module, body: doc.body.trim(), sourcePath }, problems: [] };
}
