import { getDb } from "./client";
import { databaseUrl, providerOf } from "./database-url";
import { type Repositories, repositoriesFor } from "./repositories-for";

export { type Repositories, repositoriesFor } from "./repositories-for";

/** The server's repositories, on the process-wide client (server-only, through ./client). */
export const repositories = (): Repositories => repositoriesFor(getDb(), providerOf(databaseUrl()));
