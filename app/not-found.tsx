import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-12 text-center">
      <h1 className="text-2xl font-bold text-slate-900">Page not found</h1>
      <p className="mt-2 text-slate-700">There is nothing at this address. The lesson may have been renamed.</p>
      <Link href="/lessons" className="mt-6 inline-block text-brand-700 underline">
        Go to all lessons
      </Link>
    </div>
  );
}
