import "server-only";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { createFlashcardService } from "./flashcard-service";

export const flashcardService = () =>
  createFlashcardService({ repos: repositories(), library: contentLibrary, now: () => new Date() });
