import { quizService } from "@/lib/quiz/service/server";
import { type AttemptRoute, attemptIdFrom, jsonResult, signedIn } from "../../json-api";

/** The attempt as the browser may see it: questions, and answers with what their feedback mode reveals. */
export async function GET(_request: Request, { params }: AttemptRoute) {
  const user = await signedIn();
  if (user instanceof Response) return user;
  const attemptId = await attemptIdFrom(params);
  if (attemptId instanceof Response) return attemptId;
  return jsonResult(await quizService().view(user.id, attemptId));
}
