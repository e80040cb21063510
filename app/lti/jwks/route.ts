import { ltiToolKey } from "@/lib/lti/service/server";

/** The tool's public key set (RFC 7517), which platforms use to check the tool's deep linking responses and client assertions. */
export async function GET() {
  const key = await ltiToolKey();
  return Response.json({ keys: [key.publicJwk] }, { headers: { "cache-control": "public, max-age=300" } });
}
