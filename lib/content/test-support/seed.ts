import fs from "node:fs";
import path from "node:path";

/**
 * The seed concept document, input data kept in the shared folder beside the repository
 * (../shared/seed). Tests that read it need a checkout with that folder next to it.
 */
export function seedDocumentPath(): string {
  const file = path.resolve(import.meta.dirname, "../../../../shared/seed/cluster-ip-vs-pod-ip.md");
  if (!fs.existsSync(file))
    throw new Error(
      `the seed document is missing at ${file}: check out the repository beside the shared folder (../shared/seed)`,
    );
  return file;
}
