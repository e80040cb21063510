"use client";

import "./globals.css";
import { ErrorState } from "@/components/ui/error-state";
import { isDatabaseUnavailable } from "@/lib/db/database-unavailable";

/**
 * When the root layout itself fails (it reads the signed-in user, so a database outage lands here
 * for everyone signed in), this replaces the whole document.
 */
export default function GlobalError({ error, retry }: { error: Error; retry: () => void }) {
  const unavailable = isDatabaseUnavailable(error);
  return (
    <html lang="en">
      <body className="min-h-screen">
        <title>{unavailable ? "Briefly unavailable · kubelearn" : "Error · kubelearn"}</title>
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
          <ErrorState unavailable={unavailable} reset={retry} />
        </main>
      </body>
    </html>
  );
}
