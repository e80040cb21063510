import { after } from "next/server";
import { ltiScores } from "@/lib/lti/service/server";
import { quizService } from "@/lib/quiz/service/server";
import { type AttemptRoute, attemptIdFrom, jsonResult, signedInUser } from "../../../json-api";

/** Finishes the attempt (no body) → its score; finishing again answers the same score. */
export async function POST(_request: Request, { params }: AttemptRoute) {
  const user = await signedInUser();
  if (user instanceof Response) return user;
  const attemptId = await attemptIdFrom(params);
  if (attemptId instanceof Response) return attemptId;
  const result = await quizService().finish(user.id, attemptId);
  // As the quiz player's finish action does: an LTI-launched quiz sends its score after the answer.
  if (result.ok) after(() => ltiScores().afterFinish(user, attemptId));
  return jsonResult(result);
}
