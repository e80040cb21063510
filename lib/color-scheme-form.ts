// The colour scheme form's schema, apart from lib/color-scheme.ts so that zod stays out of the
// browser's script (the header's picker imports that module). Used by the server action.
import { z } from "zod";
import { COLOR_SCHEMES } from "./color-scheme";

/** What the settings form sends. */
export const colorSchemeFormSchema = z.object({ colorScheme: z.enum(COLOR_SCHEMES) });
