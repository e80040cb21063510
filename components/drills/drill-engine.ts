// Everything the drill page does with the simulator (lib/sim is most of this chunk's ~125 KB of
// script). The workspace imports it only with import(), on the learner's first use of the terminal,
// so the page's first load is the server-rendered view (lib/drills/core/drill-view.ts) without it.
// drill-workspace.test.ts fails if the workspace's static imports reach lib/sim again.
export { completionCandidates } from "@/lib/drills/core/completion";
export { replay } from "@/lib/drills/core/drill-run";
export { viewOf } from "@/lib/drills/core/drill-view";
export { revealsPrediction } from "@/lib/drills/core/prediction-guard";
