import type { Metadata } from "next";
import { RegisterPlatformForm, RemovePlatformForm } from "@/components/lti/forms";
import { cardClass } from "@/components/ui/card";
import { requireInstructor } from "@/lib/auth/guards";
import { formatDateTime } from "@/lib/format";
import { ltiRegistrations, ltiUrls } from "@/lib/lti/service/server";

export const metadata: Metadata = { title: "LTI 1.3" };

export default async function TeachLtiPage() {
  const user = await requireInstructor("/teach/lti");
  const urls = ltiUrls();
  const platforms = await ltiRegistrations().list(user.id);
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
              <RemovePlatformForm platformId={p.id} name={p.name} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
