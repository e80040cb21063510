import { type Cidr, cidrContains, formatIPv4, parseIPv4 } from "./ip";
import type { Rng } from "./rng";

export type AllocationError =
  | { kind: "not-in-range"; message: string }
  | { kind: "allocated"; message: string }
  | { kind: "full"; message: string };

/**
 * The size of the band reserved for requested values, as Kubernetes computes it for Service IPs
 * (min(max(16, size/16), 256)) and NodePorts (min(max(16, size/32), 128)): dynamic allocation
 * prefers the band above it, so requested values rarely collide with random ones.
 */
export function staticBandSize(size: number, step: number, max: number): number {
  if (size < 16) return 0;
  return Math.min(Math.max(16, Math.floor(size / step)), max);
}

/**
 * A bitmap allocator over offsets [0, max) with Kubernetes' random-scan-with-offset strategy:
 * a random start in the upper band, then the first free offset after it (wrapping inside the
 * band); the lower band is used only when the upper one is full.
 */
class OffsetAllocator {
  private readonly used: Uint8Array;
  private count = 0;
  constructor(
    readonly max: number,
    readonly bandStart: number,
    private readonly rng: Rng,
  ) {
    this.used = new Uint8Array(max);
  }
  has(offset: number) {
    return this.used[offset] === 1;
  }
  take(offset: number): boolean {
    if (this.used[offset]) return false;
    this.used[offset] = 1;
    this.count++;
    return true;
  }
  release(offset: number) {
    if (this.used[offset]) {
      this.used[offset] = 0;
      this.count--;
    }
  }
  next(): number | null {
    if (this.count >= this.max) return null;
    return this.scan(this.bandStart, this.max) ?? this.scan(0, this.bandStart);
  }
  private scan(from: number, to: number): number | null {
    const width = to - from;
    if (width <= 0) return null;
    const start = this.rng.int(width);
    for (let i = 0; i < width; i++) {
      const offset = from + ((start + i) % width);
      if (!this.used[offset]) {
        this.take(offset);
        return offset;
      }
    }
    return null;
  }
}

/** Service ClusterIPs from the service CIDR, excluding its network and broadcast addresses. */
export class ClusterIPAllocator {
  private readonly alloc: OffsetAllocator;
  private readonly first: number;
  constructor(
    readonly cidr: Cidr,
    rng: Rng,
  ) {
    this.first = cidr.base + 1;
    const max = cidr.size - 2;
    this.alloc = new OffsetAllocator(max, staticBandSize(cidr.size, 16, 256), rng);
  }
  private offsetOf(ip: number): number | null {
    const offset = ip - this.first;
    return cidrContains(this.cidr, ip) && offset >= 0 && offset < this.alloc.max ? offset : null;
  }
  allocate(ipText: string): AllocationError | null {
    const ip = parseIPv4(ipText);
    const offset = ip === null ? null : this.offsetOf(ip);
    if (offset === null) {
      return {
        kind: "not-in-range",
        message: `the provided IP (${ipText}) is not in the valid range. The range of valid IPs is ${this.cidr.text}`,
      };
    }
    return this.alloc.take(offset) ? null : { kind: "allocated", message: "provided IP is already allocated" };
  }
  allocateNext(): string | AllocationError {
    const offset = this.alloc.next();
    return offset === null ? { kind: "full", message: "range is full" } : formatIPv4(this.first + offset);
  }
  release(ipText: string) {
    const ip = parseIPv4(ipText);
    const offset = ip === null ? null : this.offsetOf(ip);
    if (offset !== null) this.alloc.release(offset);
  }
}

export class NodePortAllocator {
  private readonly alloc: OffsetAllocator;
  constructor(
    readonly low: number,
    readonly high: number,
    rng: Rng,
  ) {
    const size = high - low + 1;
    this.alloc = new OffsetAllocator(size, staticBandSize(size, 32, 128), rng);
  }
  allocate(port: number): AllocationError | null {
    if (port < this.low || port > this.high) {
      return {
        kind: "not-in-range",
        message: `provided port is not in the valid range. The range of valid ports is ${this.low}-${this.high}`,
      };
    }
    return this.alloc.take(port - this.low)
      ? null
      : { kind: "allocated", message: "provided port is already allocated" };
  }
  allocateNext(): number | AllocationError {
    const offset = this.alloc.next();
    return offset === null ? { kind: "full", message: "range is full" } : this.low + offset;
  }
  release(port: number) {
    if (port >= this.low && port <= this.high) this.alloc.release(port - this.low);
  }
}

/**
 * A node's pod addresses, the way the CNI host-local IPAM plugin hands them out: .1 is the
 * bridge gateway, allocation continues after the last address given (round robin) instead of
 * reusing a just-freed one, so a recreated pod gets a different IP.
 */
export class PodIPAM {
  private readonly used = new Set<number>();
  private last: number;
  /** `reservedBefore`: how many addresses after the gateway the node handed out before (host-local's last_reserved_ip). */
  constructor(
    readonly cidr: Cidr,
    reservedBefore = 0,
  ) {
    this.last = cidr.base + 1 + Math.max(0, Math.min(reservedBefore, cidr.size - 4)); // from the gateway on
  }
  allocate(): string | null {
    const first = this.cidr.base + 2;
    const lastUsable = this.cidr.base + this.cidr.size - 2;
    const span = lastUsable - first + 1;
    for (let i = 1; i <= span; i++) {
      const candidate = first + ((((this.last - first + i) % span) + span) % span);
      if (!this.used.has(candidate)) {
        this.used.add(candidate);
        this.last = candidate;
        return formatIPv4(candidate);
      }
    }
    return null;
  }
  release(ipText: string) {
    const ip = parseIPv4(ipText);
    if (ip !== null) this.used.delete(ip);
  }
}
