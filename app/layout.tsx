import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { currentUser } from "@/lib/auth/guards";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "kubelearn", template: "%s · kubelearn" },
  description:
    "Understand Kubernetes networking: Services, Pod IPs, ClusterIPs, DNS and kube-proxy, with answers computed by a cluster simulator.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader user={user ? { name: user.name, role: user.role } : null} />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
