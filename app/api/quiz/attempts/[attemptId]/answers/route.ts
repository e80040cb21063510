import { answerBodySchema } from "@/lib/quiz/service/schemas";
import { quizService } from "@/lib/quiz/service/server";
import { type AttemptRoute, attemptIdFrom, jsonBody, jsonResult, signedIn } from "../../../json-api";

/** Answers one question: `{ questionId, response }` (public ids) → the grade, and the key in immediate mode. */
export async function POST(request: Request, { params }: AttemptRoute) {
  const user = await signedIn();
  if (user instanceof Response) return user;
  const attemptId = await attemptIdFrom(params);
  if (attemptId instanceof Response) return attemptId;
  const input = await jsonBody(request, answerBodySchema);
  if (input instanceof Response) return input;
  return jsonResult(await quizService().submit(user.id, attemptId, input.questionId, input.response));
}
