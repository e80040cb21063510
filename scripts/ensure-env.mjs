// Gives a fresh clone an AUTH_SECRET (in .env.local, which git ignores) so sessions can be signed.
import crypto from "node:crypto";
import fs from "node:fs";

const file = ".env.local";
const existing = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
if (!process.env.AUTH_SECRET && !/^AUTH_SECRET=/m.test(existing)) {
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}AUTH_SECRET=${secret}\n`);
  console.log(`ensure-env: wrote a new AUTH_SECRET to ${file}`);
}
