import { describe, expect, it } from "vitest";
import {
  DATABASE_UNAVAILABLE_DIGEST,
  DatabaseUnavailableError,
  isDatabaseUnavailable,
  transientKind,
} from "./database-unavailable";
import { Prisma } from "./generated/sqlite/client";

// The shapes below are the ones Prisma 6.19 and its adapters threw when the throwaway PostgreSQL
// cluster was stopped and restarted under a client (see retry.postgres.test.ts for the real thing).
const adapterError = (cause: object) => Object.assign(new Error("adapter"), { name: "DriverAdapterError", cause });
const prismaError = (code: string, cause: object) =>
  new Prisma.PrismaClientKnownRequestError("Invalid `db.user.count()` invocation", {
    code,
    clientVersion: "6.19.3",
    meta: { driverAdapterError: adapterError(cause) },
  });

describe("transientKind", () => {
  it("knows a database that cannot be reached: nothing was sent", () => {
    expect(transientKind(prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5499 }))).toBe(
      "not-sent",
    );
    expect(
      transientKind(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5499"), { code: "ECONNREFUSED" })),
    ).toBe("not-sent");
    // The server is starting up after a restart.
    expect(transientKind(adapterError({ kind: "postgres", code: "57P03", originalCode: "57P03" }))).toBe("not-sent");
  });

  it("knows a busy SQLite file (the statement did not run), though Prisma files it under timeouts", () => {
    expect(transientKind(prismaError("P1008", { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" }))).toBe(
      "not-sent",
    );
  });

  it("knows a connection lost mid-statement: it may have run", () => {
    expect(
      transientKind(
        prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01", severity: "FATAL" }),
      ),
    ).toBe("lost");
    expect(transientKind(adapterError({ kind: "postgres", code: "57P01" }))).toBe("lost");
    expect(transientKind(new Error("Connection terminated unexpectedly"))).toBe("lost");
    expect(transientKind(prismaError("P1017", { kind: "ConnectionClosed" }))).toBe("lost");
    expect(transientKind(prismaError("P1008", { kind: "SocketTimeout" }))).toBe("lost");
  });

  it("leaves every other error alone: retrying cannot fix a constraint or a bad query", () => {
    expect(transientKind(prismaError("P2002", { kind: "UniqueConstraintViolation" }))).toBeNull();
    expect(transientKind(adapterError({ kind: "postgres", code: "42P01" }))).toBeNull();
    expect(transientKind(new Error("Invalid value for argument `dueAt`"))).toBeNull();
    expect(transientKind(null)).toBeNull();
    expect(transientKind("ECONNREFUSED")).toBeNull();
  });

  it("follows a chain of causes, without looping on a cycle", () => {
    const outer = new Error("outer", { cause: new Error("middle", { cause: { code: "ECONNREFUSED" } }) });
    expect(transientKind(outer)).toBe("not-sent");
    const a: { cause?: unknown; message: string } = { message: "a" };
    a.cause = { message: "b", cause: a };
    expect(transientKind(a)).toBeNull();
  });
});

describe("DatabaseUnavailableError", () => {
  it("carries the digest error pages recognise, the last line of the cause and the cause itself", () => {
    const cause = prismaError("P1001", { kind: "DatabaseNotReachable" });
    const err = new DatabaseUnavailableError(
      Object.assign(cause, { message: "\nInvalid `db.user.count()`\n\nCan't reach database server at 127.0.0.1:5499" }),
      4,
    );
    expect(err.digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(err.message).toBe("The database is unavailable (4 tries): Can't reach database server at 127.0.0.1:5499");
    expect(err.cause).toBe(cause);
  });

  it("is recognised by class, by digest (after crossing a bundle) and as a raw transient error", () => {
    expect(isDatabaseUnavailable(new DatabaseUnavailableError(new Error("x"), 1))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("hidden"), { digest: DATABASE_UNAVAILABLE_DIGEST }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});
