import "server-only";
import { contentLibrary } from "../../content/library";
import { repositories } from "../../db/repositories";
import { createAnkiExportService } from "./anki-export-service";
import { createCardBrowserService } from "./card-browser-service";
import { createFlashcardService } from "./flashcard-service";
import { fsrsOptimiser } from "./fsrs-optimiser";
import { createFsrsParametersService } from "./fsrs-parameters-service";
import { createOwnCardService } from "./own-card-service";

export const flashcardService = () =>
  createFlashcardService({ repos: repositories(), library: contentLibrary, now: () => new Date() });

export const ankiExport = () =>
  createAnkiExportService({ repos: repositories(), library: contentLibrary, now: () => new Date() });

export const ownCardService = () =>
  createOwnCardService({ repos: repositories(), library: contentLibrary, now: () => new Date() });

export const fsrsParametersService = () =>
  createFsrsParametersService({ repos: repositories(), now: () => new Date(), optimiser: fsrsOptimiser });

export const cardBrowser = () =>
  createCardBrowserService({ repos: repositories(), library: contentLibrary, now: () => new Date() });
