import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DrillWorkspace } from "@/components/drills/drill-workspace";
import { requireUser } from "@/lib/auth/guards";
import { findLesson } from "@/lib/content/library";
import { drillLibrary, drillService } from "@/lib/drills/service/server";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const drill = drillLibrary().find((d) => d.slug === slug);
  return { title: drill ? `Drill: ${drill.title}` : "Drill not found" };
}

export default async function DrillPage({ params }: Params) {
  const { slug } = await params;
  if (!drillLibrary().some((d) => d.slug === slug)) notFound();
  const user = await requireUser(`/drills/${slug}`);
  const state = await drillService().state(user.id, slug);
  if (!state) notFound();
  return (
    <DrillWorkspace
      drill={state.drill}
      events={state.events}
      results={state.results}
      stepStart={state.stepStart}
      openPrediction={state.openPrediction}
      failedChecks={state.failedChecks}
      view={state.view}
      problem={state.problem}
      lessonTitle={findLesson(state.drill.lesson)?.title ?? state.drill.lesson}
    />
  );
}
