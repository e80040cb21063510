import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { ANKI_OWN_DECK_HREF } from "@/components/review/anki-export-links";
import { buttonClass } from "@/components/ui/button";
import { ACCOUNT_SETTINGS_FILE, ACCOUNT_SETTINGS_HREF } from "@/lib/account-data/core/account-settings";
import {
  DATA_FILE_INFO,
  DATA_FILES,
  DATA_ZIP_HREF,
  dataFileHref,
  dataFileName,
} from "@/lib/account-data/core/data-tables";
import { dataExport } from "@/lib/account-data/service/server";
import { RECENT_SIGN_IN_MINUTES } from "@/lib/auth/account-service";
import { isInstructor, requireUser } from "@/lib/auth/guards";
import { authServices } from "@/lib/auth/server";

export const metadata: Metadata = { title: "Your data" };

const rowsLabel = (n: number) => (n === 1 ? "1 row" : `${n} rows`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function AccountDataPage() {
  const user = await requireUser("/account/my-data");
  const [counts, impact] = await Promise.all([
    dataExport().rowCounts(user.id),
    isInstructor(user) ? authServices().accounts.deletionImpact(user.id) : null,
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold text-slate-900">Your data</h1>
      <p className="mt-2 text-slate-700">
        Everything kubelearn keeps about your learning is yours: download it as spreadsheets (CSV, UTF-8) and your
        settings as JSON, or delete your account and all of it.{" "}
        {user.hasPassword ? (
          <>
            Signed in as {user.email}.{" "}
            <Link href="/account/password" className="text-brand-700 underline">
              Change your password
            </Link>
          </>
        ) : (
          "You signed in from your course (LTI); your account has no password."
        )}
      </p>

      <section aria-labelledby="download" className="mt-8">
        <h2 id="download" className="text-xl font-semibold text-slate-900">
          Download your data
        </h2>
        <ul className="mt-3 divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {DATA_FILES.map((file) => (
            <li key={file} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div>
                <p className="font-medium text-slate-900">{DATA_FILE_INFO[file].title}</p>
                <p className="text-sm text-slate-600">
                  A row is {DATA_FILE_INFO[file].row}. {rowsLabel(counts[file])}.
                </p>
              </div>
              <a
                href={dataFileHref(file)}
                download={dataFileName(file)}
                className={buttonClass({ variant: "secondary", size: "sm" })}
              >
                {DATA_FILE_INFO[file].title} (CSV)
              </a>
            </li>
          ))}
          <li className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div>
              <p className="font-medium text-slate-900">Account settings</p>
              <p className="text-sm text-slate-600">
                Your name and e-mail, time zone, colour scheme, flashcard settings (with your own FSRS parameters if
                they have been optimised) and any links to a course's platform (LTI), as one JSON file.
              </p>
            </div>
            <a
              href={ACCOUNT_SETTINGS_HREF}
              download={ACCOUNT_SETTINGS_FILE}
              className={buttonClass({ variant: "secondary", size: "sm" })}
            >
              Account settings (JSON)
            </a>
          </li>
        </ul>
        <div className="mt-4 flex flex-wrap gap-3">
          <a href={DATA_ZIP_HREF} download className={buttonClass({})}>
            Download everything (zip of all CSV files and your settings)
          </a>
          <a href={ANKI_OWN_DECK_HREF} download className={buttonClass({ variant: "secondary" })}>
            My flashcards for Anki (.apkg)
          </a>
        </div>
      </section>

      <section aria-labelledby="delete" className="mt-10 rounded-lg border border-red-200 bg-red-50/40 p-5">
        <h2 id="delete" className="text-xl font-semibold text-red-800">
          Delete your account
        </h2>
        <p className="mt-2 text-slate-800">
          This removes your account and everything in it at once: lesson progress, quiz attempts and answers, flashcard
          reviews and settings, drill runs and class memberships.
          {impact && (
            <>
              {" "}
              <span data-testid="deletion-impact">
                {`The ${plural(impact.classes, "class", "classes")} you teach ${impact.classes === 1 ? "is" : "are"} deleted too, with ${plural(impact.enrolments, "learner's enrolment", "learners' enrolments")} in ${impact.classes === 1 ? "it" : "them"}; the learners keep their own work. Your ${plural(impact.platforms, "LTI platform registration", "LTI platform registrations")} ${impact.platforms === 1 ? "goes" : "go"} as well, and with ${impact.platforms === 1 ? "it" : "them"}, as deleting a registration does, the ${plural(impact.launchAccounts, "account", "accounts")} made by launches from ${impact.platforms === 1 ? "it" : "them"}, with all their work.`}
              </span>
            </>
          )}{" "}
          {user.hasPassword
            ? "You are signed out, and your e-mail and password no longer sign in."
            : `You are signed out and your link to your course's platform is removed, with any scores not yet sent to its grade book; opening kubelearn from the course again starts a new, empty account. For your safety this needs a sign-in from the last ${RECENT_SIGN_IN_MINUTES} minutes: if it is older, open kubelearn from your course again first.`}{" "}
          Download your data first if you want to keep it.
        </p>
        <DeleteAccountForm hasPassword={user.hasPassword} />
      </section>
    </div>
  );
}
