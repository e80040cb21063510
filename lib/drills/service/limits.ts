// How much one drill run may hold. Grading replays every event, so these bound the work a request
// can ask for (with the replay budget in server.ts). A drill's own solution needs a handful of
// commands; 200 leaves room to explore. Committed predictions count as events too. No zod here:
// the browser's terminal imports these to refuse a command before the server would.

export const MAX_EVENTS = 200;
export const MAX_LINE = 500;

export const TOO_MANY_EVENTS = `This drill keeps at most ${MAX_EVENTS} commands; reset it to start over.`;
export const LINE_TOO_LONG = `A command can be at most ${MAX_LINE} characters long.`;
