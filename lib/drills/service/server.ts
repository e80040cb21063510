import path from "node:path";
import { repositories } from "../../db/repositories";
import { loadDrills } from "../core/load-drills";
import type { Drill } from "../core/types";
import { createDrillService } from "./drill-service";

let cached: Drill[] | null = null;

/** Drills from CONTENT_DIR (default ./content), read once per production server process. */
export function drillLibrary(): Drill[] {
  if (cached && process.env.NODE_ENV === "production") return cached;
  cached = loadDrills(
    path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.CONTENT_DIR ?? "content"),
  ).drills;
  return cached;
}

export const drillService = () =>
  createDrillService({ repos: repositories(), drills: drillLibrary, now: () => new Date() });
