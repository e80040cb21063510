import type { Metadata } from "next";
import { Glossary } from "@/components/course/glossary";
import { contentLibrary } from "@/lib/content/library";

export const metadata: Metadata = { title: "Glossary" };

export default function GlossaryPage() {
  const { glossary, lessons } = contentLibrary();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900">Glossary</h1>
      <p className="mt-2 text-slate-700">
        The terms of the course in a sentence or two each, with a link to the lesson section that teaches them.
      </p>
      <Glossary terms={glossary} lessons={lessons} />
    </div>
  );
}
