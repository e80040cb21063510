import { describe, expect, it } from "vitest";
import { library } from "../core/test-support/export-fixtures";
import { createQuestionExportService } from "./question-export-service";
import { exportRequestSchema } from "./schemas";

const service = createQuestionExportService({ library: () => library });

describe("question export service", () => {
  it("names the file after the pool and the seed, with the format's content type", () => {
    const gift = service.exportQuestions({ format: "gift", scope: "lesson", target: "service-types", seed: 3 });
    if (!gift.ok) throw new Error(gift.error);
    expect(gift.value.filename).toBe("kubelearn-lesson-service-types-seed-3.gift.txt");
    expect(gift.value.contentType).toBe("text/plain; charset=utf-8");
    expect(gift.value.title).toBe("Service types");
    expect(gift.value.questionCount).toBeGreaterThan(0);

    const xml = service.exportQuestions({ format: "moodle-xml", scope: "course", target: "course", seed: 1 });
    if (!xml.ok) throw new Error(xml.error);
    expect(xml.value.filename).toBe("kubelearn-course-seed-1.moodle.xml");
    expect(xml.value.contentType).toBe("application/xml; charset=utf-8");
    expect(xml.value.questionCount).toBeGreaterThan(gift.value.questionCount);
  });

  it("says which lessons or modules there are when the target is unknown", () => {
    expect(service.exportQuestions({ format: "gift", scope: "module", target: "nope", seed: 1 })).toEqual({
      ok: false,
      error: `There is no module "nope". Modules: ${library.modules.map((m) => m.id).join(", ")}.`,
    });
  });
});

describe("export request schema", () => {
  it("takes the path's format, scope and target, and a seed that defaults to 1", () => {
    expect(exportRequestSchema.parse({ format: "gift", scope: "lesson", target: "service-types" })).toEqual({
      format: "gift",
      scope: "lesson",
      target: "service-types",
      seed: 1,
    });
    expect(
      exportRequestSchema.parse({ format: "moodle-xml", scope: "module", target: "traffic", seed: "42" }).seed,
    ).toBe(42);
  });

  it("refuses an unknown format or scope, a target that is no slug, and a seed that is no whole number", () => {
    const problem = (input: Record<string, unknown>) =>
      exportRequestSchema.safeParse({ format: "gift", scope: "lesson", target: "service-types", ...input }).error
        ?.issues[0].message;
    expect(problem({ format: "pdf" })).toBe("Export as gift or moodle-xml.");
    expect(problem({ scope: "class" })).toBe("Export a lesson, a module or the course.");
    expect(problem({ target: "../etc" })).toBe("A lesson slug or module id is lower-case letters, digits and hyphens.");
    expect(problem({ seed: "1.5" })).toBe("The seed is a whole number.");
    expect(problem({ seed: "-1" })).toBe("The seed is a whole number from 0.");
    expect(problem({ seed: "abc" })).toBe("The seed is a whole number.");
  });
});
