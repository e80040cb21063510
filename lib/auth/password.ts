import bcrypt from "bcryptjs";

// Cost 10 keeps sign-in around 60 ms on these cores while staying well above brute-force comfort.
const COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);
