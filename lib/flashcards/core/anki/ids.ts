import { createHash } from "node:crypto";

// Ids, guids and checksums for an Anki collection, all derived from kubelearn's own card ids so that
// exporting twice gives the same package and a re-import updates notes instead of duplicating them.
// Deterministic: the same input always hashes to the same values.

const sha1 = (text: string) => createHash("sha1").update(text, "utf8").digest();

/**
 * Anki's ids are creation times in milliseconds, and its importer rewrites any id later than
 * tomorrow (rslib/src/dbcheck.rs `maybe_fix_invalid_ids`), which would break a stable id. So a hash
 * of the key is placed within 2001–2018: 10^12 plus 39 bits of the hash.
 */
export function ankiId(namespace: string, key: string): number {
  return 1_000_000_000_000 + Math.floor(sha1(`${namespace}:${key}`).readUIntBE(0, 5) / 2);
}

/** Hands out `ankiId`s, moving a (very unlikely) collision to the next free number. */
export function idAllocator(namespace: string) {
  const taken = new Set<number>();
  return (key: string): number => {
    let id = ankiId(namespace, key);
    while (taken.has(id)) id += 1;
    taken.add(id);
    return id;
  };
}

/** The note's guid: 72 bits of the hash of kubelearn's card id, as 12 base64url characters. */
export const noteGuid = (cardId: string) => sha1(`kubelearn-note:${cardId}`).subarray(0, 9).toString("base64url");

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/** A field's text without tags and with entities decoded, as Anki strips it for sorting and checksums (rslib/src/text.rs). */
export function stripHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name]);
}

/** `notes.csum`: the first 8 hex digits of the SHA-1 of the stripped first field, as an integer (rslib/src/notes `field_checksum`). */
export const fieldChecksum = (strippedFirstField: string) => sha1(strippedFirstField).readUInt32BE(0);
