/** Dates on server-rendered pages are shown in UTC, labelled, so every viewer reads the same time. */
export const formatWhen = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
export const percent = (score: number | null) => (score === null ? "–" : `${Math.round(score * 100)}%`);
