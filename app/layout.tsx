import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { SiteHeader } from "@/components/site-header";
import { currentUser } from "@/lib/auth/guards";
import { COLOR_SCHEME_COOKIE, effectiveColorScheme } from "@/lib/color-scheme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "kubelearn", template: "%s · kubelearn" },
  description:
    "Understand Kubernetes networking: Services, Pod IPs, ClusterIPs, DNS and kube-proxy, with answers computed by a cluster simulator.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  // On <html> from the server, so the first paint is in the chosen scheme (globals.css reads it).
  const colorScheme = effectiveColorScheme(user, (await cookies()).get(COLOR_SCHEME_COOKIE)?.value);
  return (
    <html lang="en" data-color-scheme={colorScheme}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader user={user ? { name: user.name, role: user.role } : null} colorScheme={colorScheme} />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
