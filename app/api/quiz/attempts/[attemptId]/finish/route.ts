import { quizService } from "@/lib/quiz/service/server";
import { type AttemptRoute, attemptIdFrom, jsonResult, signedIn } from "../../../json-api";

/** Finishes the attempt (no body) → its score; finishing again answers the same score. */
export async function POST(_request: Request, { params }: AttemptRoute) {
  const user = await signedIn();
  if (user instanceof Response) return user;
  const attemptId = await attemptIdFrom(params);
  if (attemptId instanceof Response) return attemptId;
  return jsonResult(await quizService().finish(user.id, attemptId));
}
