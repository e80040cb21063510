import { startQuizSchema } from "@/lib/quiz/service/schemas";
import { quizService } from "@/lib/quiz/service/server";
import { jsonBody, jsonResult, signedIn } from "../json-api";

/** Starts an attempt: `{ scope, target, feedback }` → 201 with the attempt as the browser may see it. */
export async function POST(request: Request) {
  const user = await signedIn();
  if (user instanceof Response) return user;
  const input = await jsonBody(request, startQuizSchema);
  if (input instanceof Response) return input;
  return jsonResult(await quizService().start(user.id, input.scope, input.target, input.feedback), 201);
}
