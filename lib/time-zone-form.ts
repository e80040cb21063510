// The time zone field of the account, sign-up and class forms, apart from lib/time-zones.ts so that
// zod stays out of the browser's script (lib/format.ts, used by client components, imports that module).
import { z } from "zod";
import { isSupportedTimeZone } from "./time-zones";

/** A time zone from a form: one Intl supports, named the IANA way. */
export const timeZoneSchema = z
  .string()
  .trim()
  .max(64, "Choose a time zone from the list.")
  .refine(isSupportedTimeZone, "Choose a time zone from the list.");
