/** Whether a Prisma error is a unique-constraint violation (P2002), on either database. */
export const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "P2002";
