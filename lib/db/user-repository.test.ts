import { describe, expect, it } from "vitest";
import { repositoriesOn, testDatabases, uniqueEmail } from "./test-support/databases";

describe.each(testDatabases)("users on $name", ({ url }) => {
  const ctx = repositoriesOn(url);

  it("starts an account on the system colour scheme and keeps the one the person picks", async () => {
    const user = await ctx.repos.users.create({ email: uniqueEmail("scheme"), name: "Scheme", passwordHash: "h" });
    expect(user.colorScheme).toBe("system");
    expect(await ctx.repos.users.setColorScheme(user.id, "dark")).toBe(true);
    expect((await ctx.repos.users.findById(user.id))?.colorScheme).toBe("dark");
    expect(await ctx.repos.users.setColorScheme("no-such-user", "dark")).toBe(false);
  });
});
