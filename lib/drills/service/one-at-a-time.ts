/**
 * Runs work for one key at a time, in the order it arrives; work for other keys runs alongside.
 * The drill service keys it by learner, so that a burst of parallel requests from one learner waits
 * behind itself instead of taking every replay worker. It holds within one process only: across
 * server processes the version check in the repository keeps a step from being recorded twice.
 */
export function oneAtATime() {
  const running = new Map<string, Promise<unknown>>();
  return async function run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const mine = (running.get(key) ?? Promise.resolve()).then(work);
    const settled = mine.catch(() => undefined);
    running.set(key, settled);
    try {
      return await mine;
    } finally {
      if (running.get(key) === settled) running.delete(key);
    }
  };
}
