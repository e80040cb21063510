import { Button } from "./button";

/**
 * A page that failed to load: what happened, that nothing saved is lost, and a way to try again.
 * Rendered by the app's error boundaries (error.tsx files, which are client components). When the
 * cause was the database being out of reach (`unavailable`), it says so: that is brief, and trying
 * again in a few seconds is the fix.
 */
export function ErrorState({
  message = "We could not load this page.",
  unavailable = false,
  reset,
}: {
  message?: string;
  unavailable?: boolean;
  reset: () => void;
}) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-bold text-slate-900">
        {unavailable ? "kubelearn is briefly unavailable" : "Something went wrong"}
      </h1>
      <p className="mt-2 text-slate-700">
        {unavailable ? "We cannot reach our database just now. Wait a few seconds and try again." : message} Your saved
        progress is safe.
      </p>
      <Button onClick={reset} className="mt-6">
        Try again
      </Button>
    </div>
  );
}
