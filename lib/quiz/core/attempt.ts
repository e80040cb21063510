// A quiz attempt as the platform stores it: which questions were drawn, how they were answered.

export type QuizScope = "lesson" | "module";
export type FeedbackMode = "immediate" | "end";

export interface QuizAnswerRecord {
  questionId: string;
  response: string;
  score: number;
  correct: boolean;
  answeredAt: Date;
}

export interface QuizAttemptRecord {
  id: string;
  scope: QuizScope;
  target: string;
  seed: number;
  feedback: FeedbackMode;
  questionIds: string[];
  startedAt: Date;
  completedAt: Date | null;
  score: number | null;
  answers: QuizAnswerRecord[];
}
