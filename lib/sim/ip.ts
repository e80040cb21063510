// IPv4 addresses as unsigned 32-bit numbers.

export function parseIPv4(text: string): number | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value >>> 0;
}

export const formatIPv4 = (value: number) =>
  [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");

export interface Cidr {
  base: number;
  prefix: number;
  size: number;
  text: string;
}

export function parseCidr(text: string): Cidr {
  const [ip, prefixText] = text.split("/");
  const base = parseIPv4(ip);
  const prefix = Number(prefixText);
  if (base === null || !Number.isInteger(prefix) || prefix < 8 || prefix > 30)
    throw new Error(`invalid CIDR "${text}"`);
  const size = 2 ** (32 - prefix);
  const aligned = Math.floor(base / size) * size;
  return { base: aligned, prefix, size, text: `${formatIPv4(aligned)}/${prefix}` };
}

export const cidrContains = (cidr: Cidr, ip: number) => ip >= cidr.base && ip < cidr.base + cidr.size;

/** The n-th subnet of the given prefix inside a CIDR (e.g. the n-th /24 of 10.244.0.0/16). */
export function subnet(cidr: Cidr, prefix: number, index: number): Cidr {
  const size = 2 ** (32 - prefix);
  if ((index + 1) * size > cidr.size)
    throw new Error(`${cidr.text} has no room for /${prefix} subnet number ${index + 1}`);
  return parseCidr(`${formatIPv4(cidr.base + index * size)}/${prefix}`);
}

/** "10.244.1.7" → "10-244-1-7", the form used in pod DNS names. */
export const dashedIP = (ip: string) => ip.replace(/\./g, "-");
