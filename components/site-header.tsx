import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { ColorSchemeMenu, ColorSchemePicker } from "@/components/color-scheme-picker";
import { SearchForm } from "@/components/course/search-form";
import { MobileMenu } from "@/components/mobile-menu";
import { NavLink } from "@/components/nav-link";
import { ButtonLink } from "@/components/ui/button";
import type { ColorScheme } from "@/lib/color-scheme";

interface Props {
  user: { name: string; role: "LEARNER" | "INSTRUCTOR" } | null;
  colorScheme: ColorScheme;
}

type User = NonNullable<Props["user"]>;

/** The sections of the site a visitor or a signed-in user can go to, in menu order. */
function sections(user: User | null): { href: string; label: string }[] {
  return [
    { href: "/lessons", label: "Lessons" },
    { href: "/glossary", label: "Glossary" },
    { href: "/drills", label: "Drills" },
    ...(user
      ? [
          { href: "/review", label: "Flashcards" },
          { href: "/progress", label: "Mastery" },
          user.role === "INSTRUCTOR" ? { href: "/teach", label: "Teach" } : { href: "/classes", label: "Classes" },
        ]
      : []),
  ];
}

function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand-900">
      <span
        aria-hidden="true"
        className="inline-block h-6 w-6 rounded-md bg-brand-600 text-center text-sm leading-6 text-white"
      >
        k
      </span>
      kubelearn
    </Link>
  );
}

function Account({ user }: { user: User | null }) {
  if (!user)
    return (
      <>
        <NavLink href="/signin">Sign in</NavLink>
        <ButtonLink href="/signup" size="sm">
          Create account
        </ButtonLink>
      </>
    );
  return (
    <>
      <span className="text-slate-600">
        <span className="sr-only">Signed in as </span>
        <Link
          href="/account/settings"
          className="font-medium text-slate-900 hover:text-brand-700"
          title="Account settings: time zone and password"
        >
          {user.name}
        </Link>
        {user.role === "INSTRUCTOR" && (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Instructor</span>
        )}
      </span>
      <form action={signOutAction}>
        <button
          type="submit"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-slate-700 hover:bg-slate-100"
        >
          Sign out
        </button>
      </form>
    </>
  );
}

/**
 * One row on every screen. From the lg breakpoint (1024 px) up the sections sit in the row, and the
 * search box joins them from xl (1280 px), where it fits; below lg (phones, tablets, narrow windows)
 * they fold into a Menu disclosure (a <details>, so it opens by keyboard and without JavaScript).
 * Lower breakpoints would overflow: with the search box the row needs about 1,250 px (measured at
 * 1024 and 1280 px as the demo instructor, whose name and badge are the longest).
 */
export function SiteHeader({ user, colorScheme }: Props) {
  const links = sections(user);
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur">
      <nav aria-label="Main" className="mx-auto flex max-w-7xl items-center gap-x-5 px-4 py-2.5 sm:px-6 sm:py-3">
        <Logo />
        <div className="hidden items-center gap-x-5 lg:flex">
          {links.map((l) => (
            <NavLink key={l.href} href={l.href}>
              {l.label}
            </NavLink>
          ))}
          {/* Until the search box fits in the row, the search page is one more section. */}
          <NavLink href="/search" className="xl:hidden">
            Search
          </NavLink>
        </div>
        <SearchForm id="header-search" compact className="hidden xl:ml-auto xl:block" />
        <div className="hidden items-center gap-3 text-sm lg:ml-auto lg:flex xl:ml-0">
          <ColorSchemeMenu value={colorScheme} />
          <Account user={user} />
        </div>
        <MobileMenu>
          <ul className="space-y-1">
            {links.map((l) => (
              <li key={l.href}>
                <NavLink href={l.href} className="block py-1.5">
                  {l.label}
                </NavLink>
              </li>
            ))}
          </ul>
          <SearchForm id="menu-search" compact className="mt-3" />
          <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            <Account user={user} />
          </div>
          <div className="mt-3 flex items-center gap-3 text-sm text-slate-700">
            <span aria-hidden="true">Colours</span>
            <ColorSchemePicker id="menu-scheme" value={colorScheme} compact />
          </div>
        </MobileMenu>
      </nav>
    </header>
  );
}
