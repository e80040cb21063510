import { describe, expect, it } from "vitest";
import { base32, sha256 } from "./sha256";

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const bytes = (text: string) => new TextEncoder().encode(text);

describe("sha256 (FIPS 180-4) and base32 (RFC 4648)", () => {
  it("matches the FIPS 180-4 examples and padding edges (55, 56, 64 bytes)", () => {
    expect(hex(sha256("abc"))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(sha256(""))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    // Lengths around the 56-byte boundary where the length no longer fits in the last block.
    expect(new Set(["a".repeat(55), "a".repeat(56), "a".repeat(64)].map((s) => hex(sha256(s)))).size).toBe(3);
    expect(hex(sha256("a".repeat(56)))).toBe("b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  });

  it("encodes the RFC 4648 section 10 test vectors", () => {
    expect(["", "f", "fo", "foo", "foob", "fooba", "foobar"].map((s) => base32(bytes(s)))).toEqual([
      "",
      "MY======",
      "MZXQ====",
      "MZXW6===",
      "MZXW6YQ=",
      "MZXW6YTB",
      "MZXW6YTBOI======",
    ]);
  });

  it("gives kube-proxy's well-known chain hashes (portProtoHash of the kubeadm system Services)", () => {
    // KUBE-SVC-NPX46M4PTMTKRN6Y is default/kubernetes:https on every cluster, KUBE-SVC-TCOU7JCQXEZGVUNU kube-dns:dns.
    const hash = (s: string) => base32(sha256(s)).slice(0, 16);
    expect(hash("default/kubernetes:httpstcp")).toBe("NPX46M4PTMTKRN6Y");
    expect(hash("kube-system/kube-dns:dnsudp")).toBe("TCOU7JCQXEZGVUNU");
    expect(hash("kube-system/kube-dns:dns-tcptcp")).toBe("ERIFXISQEP7F7OF4");
    expect(hash("kube-system/kube-dns:metricstcp")).toBe("JD5MR3NA4I4DYORP");
  });
});
