import type { ComponentProps } from "react";

/** The white, bordered panel that holds a form, a list or a figure; padding and layout come from `extra`. */
export function cardClass(extra?: string): string {
  return ["rounded-lg border border-slate-200 bg-white", extra].filter(Boolean).join(" ");
}

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div className={cardClass(className)} {...props} />;
}
