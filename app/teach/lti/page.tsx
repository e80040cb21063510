import type { Metadata } from "next";
import { RegisterPlatformForm, RemovePlatformForm, RetryScoreForm } from "@/components/lti/forms";
import { cardClass } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { requireInstructor } from "@/lib/auth/guards";
import type { LtiScoreSendView } from "@/lib/db/lti-repository";
import { formatDateTime, formatPercent } from "@/lib/format";
import { MAX_SCORE_TRIES } from "@/lib/lti/core/score";
import { ltiOutbox, ltiRegistrations, ltiUrls } from "@/lib/lti/service/server";

export const metadata: Metadata = { title: "LTI 1.3" };

export default async function TeachLtiPage() {
  const user = await requireInstructor("/teach/lti");
  const urls = ltiUrls();
  const [platforms, outbox] = await Promise.all([ltiRegistrations().listWithImpact(user.id), ltiOutbox(user.id)]);
  const toolUrls = [
    { label: "Initiate login URL", value: urls.login },
    { label: "Redirection URI (launch)", value: urls.launch },
    { label: "Public keyset URL (JWKS)", value: urls.jwks },
    { label: "Deep linking (content selection) URL", value: urls.deepLink },
  ];
  return (
    <div className="mx-auto max-w-4xl">
      <h1 className="text-3xl font-bold text-slate-900">LTI 1.3</h1>
      <p className="mt-2 text-slate-700">
        Add kubelearn to your learning management system as an LTI 1.3 tool: enter these URLs in the LMS, then register
        the values the LMS shows for the tool below. Quizzes placed with deep linking send their scores to the LMS grade
        book.
      </p>
      <h2 className="mt-6 text-xl font-semibold text-slate-900">This tool&apos;s URLs</h2>
      <dl className={cardClass("mt-2 divide-y divide-slate-200")}>
        {toolUrls.map((u) => (
          <div key={u.label} className="grid gap-1 p-3 sm:grid-cols-[16rem_1fr]">
            <dt className="font-medium text-slate-800">{u.label}</dt>
            <dd>
              <code data-tool-url={u.label} className="break-all text-slate-900">
                {u.value}
              </code>
            </dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-8 text-xl font-semibold text-slate-900">Register a platform</h2>
      <div className="mt-2">
        <RegisterPlatformForm />
      </div>
      <h2 className="mt-8 text-xl font-semibold text-slate-900">Your registrations</h2>
      {platforms.length === 0 ? (
        <p className="mt-2 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No platforms registered yet.
        </p>
      ) : (
        <ul className={cardClass("mt-2 divide-y divide-slate-200")}>
          {platforms.map((p) => (
            <li key={p.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div>
                <p className="font-semibold text-slate-900">{p.name}</p>
                <p className="text-sm text-slate-700">
                  {p.issuer} · client {p.clientId} · deployments {p.deploymentIds.join(", ")}
                </p>
                <p className="text-sm text-slate-600">Registered {formatDateTime(p.createdAt, user.timeZone)}</p>
              </div>
              <RemovePlatformForm platformId={p.id} name={p.name} impact={p.impact} />
            </li>
          ))}
        </ul>
      )}
      <h2 className="mt-8 text-xl font-semibold text-slate-900">Grade passback</h2>
      <p className="mt-1 text-slate-700">
        Scores sent to your platforms&apos; grade books, newest first. A failed send is tried again by itself (after 1,
        4, 16 and 64 minutes, then every few hours, {MAX_SCORE_TRIES} tries in all); Retry now sends it at once.
      </p>
      {outbox.length === 0 ? (
        <p className="mt-2 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          No scores yet: they appear here when a learner launched from a course finishes a quiz or drill.
        </p>
      ) : (
        <Table label="Grade passback" className="mt-2">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th className="p-3">Learner</th>
              <th className="p-3">Platform</th>
              <th className="p-3">Score</th>
              <th className="p-3">Status</th>
              <th className="p-3">Tries</th>
              <th className="p-3">Action</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {outbox.map((row) => (
              <tr key={row.id} data-score-send={row.id}>
                <td className="p-3">{row.learnerName}</td>
                <td className="p-3">{row.platformName}</td>
                <td className="p-3">
                  {formatPercent(row.scoreGiven / row.scoreMax)} ({row.attemptId ? "quiz" : "drill"})
                </td>
                <td className="p-3">
                  <p>{statusText(row, user.timeZone)}</p>
                  {row.lastError && row.status !== "sent" && (
                    <p className="text-xs text-slate-600">Last error: {row.lastError}</p>
                  )}
                </td>
                <td className="p-3">{row.tries}</td>
                <td className="p-3">
                  {row.status !== "sent" && (
                    <RetryScoreForm scoreSendId={row.id} label={`Retry now: ${row.learnerName}, ${row.platformName}`} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}

function statusText(row: LtiScoreSendView, timeZone: string): string {
  switch (row.status) {
    case "sent":
      return row.sentAt ? `Sent ${formatDateTime(row.sentAt, timeZone)}` : "Sent";
    case "pending":
      return row.nextTryAt ? `Waiting: next try ${formatDateTime(row.nextTryAt, timeZone)}` : "Waiting: sending now";
    case "failed":
      return "Gave up: use Retry now once the platform works again";
    default: {
      const never: never = row.status;
      return never;
    }
  }
}
