import { prismaConfigFor } from "../config-for";

export default prismaConfigFor("sqlite");
