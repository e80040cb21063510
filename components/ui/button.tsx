import Link from "next/link";
import type { ComponentProps } from "react";

// The one look of a button, on <button> and on a link that acts as one. Variants and sizes are a
// table so every button on a page uses the same classes for the same job.
const VARIANTS = {
  /** The main action of a page or form. */
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  /** A second, quieter action beside a primary one. */
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
  /** An action that leads somewhere related (e.g. from a lesson to its quiz). */
  outline: "border border-brand-600 bg-white text-brand-700 hover:bg-brand-50",
  /** A toggle that is on (e.g. a lesson marked complete). */
  success: "border border-emerald-600 bg-emerald-50 text-emerald-800 hover:bg-emerald-100",
  /** An action that deletes or cannot be undone. */
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

const SIZES = {
  sm: "px-3 py-1.5",
  md: "px-4 py-2",
  lg: "px-5 py-2.5",
  /** Full width and taller: the one action under a card, easy to hit on a phone. */
  block: "w-full px-4 py-3",
} as const;

export interface ButtonStyle {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
  className?: string;
}

export function buttonClass({ variant = "primary", size = "md", className }: ButtonStyle = {}): string {
  return ["rounded-md font-medium disabled:opacity-70", VARIANTS[variant], SIZES[size], className]
    .filter(Boolean)
    .join(" ");
}

/** A <button>; `type` defaults to "button" so only an explicit submit submits a form. */
export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & ButtonStyle) {
  return <button type={type} className={buttonClass({ variant, size, className })} {...props} />;
}

/** A link that looks like a button: for navigation that is the page's action. */
export function ButtonLink({ variant, size, className, ...props }: ComponentProps<typeof Link> & ButtonStyle) {
  return <Link className={buttonClass({ variant, size, className })} {...props} />;
}
