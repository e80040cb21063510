import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { SearchForm } from "@/components/course/search-form";
import { ButtonLink } from "@/components/ui/button";

interface Props {
  user: { name: string; role: "LEARNER" | "INSTRUCTOR" } | null;
}

export function SiteHeader({ user }: Props) {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6"
      >
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand-900">
          <span
            aria-hidden="true"
            className="inline-block h-6 w-6 rounded-md bg-brand-600 text-center text-sm leading-6 text-white"
          >
            k
          </span>
          kubelearn
        </Link>
        <Link href="/lessons" className="text-slate-700 hover:text-brand-700">
          Lessons
        </Link>
        <Link href="/glossary" className="text-slate-700 hover:text-brand-700">
          Glossary
        </Link>
        <Link href="/drills" className="text-slate-700 hover:text-brand-700">
          Drills
        </Link>
        {user && (
          <Link href="/review" className="text-slate-700 hover:text-brand-700">
            Flashcards
          </Link>
        )}
        {user && (
          <Link
            href={user.role === "INSTRUCTOR" ? "/teach" : "/classes"}
            className="text-slate-700 hover:text-brand-700"
          >
            {user.role === "INSTRUCTOR" ? "Teach" : "Classes"}
          </Link>
        )}
        <SearchForm id="header-search" compact className="order-last w-full sm:order-none sm:ml-auto sm:w-auto" />
        <div className="ml-auto flex items-center gap-3 text-sm sm:ml-0">
          {user ? (
            <>
              <span className="hidden text-slate-600 sm:inline">
                <span className="sr-only">Signed in as </span>
                <Link
                  href="/account/settings"
                  className="font-medium text-slate-900 hover:text-brand-700"
                  title="Account settings: time zone and password"
                >
                  {user.name}
                </Link>
                {user.role === "INSTRUCTOR" && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                    Instructor
                  </span>
                )}
              </span>
              {/* The name above is hidden on a phone; the account settings stay one tap away. */}
              <Link href="/account/settings" className="text-slate-700 hover:text-brand-700 sm:hidden">
                Account
              </Link>
              <form action={signOutAction}>
                <button
                  type="submit"
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100"
                >
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin" className="text-slate-700 hover:text-brand-700">
                Sign in
              </Link>
              <ButtonLink href="/signup" size="sm">
                Create account
              </ButtonLink>
            </>
          )}
        </div>
      </nav>
    </header>
  );
}
