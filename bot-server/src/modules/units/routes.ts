import { communeCodeSchema, communeSearchQuerySchema } from "@dvc/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../http/env";
import { validate } from "../../http/validate";
import { getCommune, searchCommunes } from "./service";

/** Provinces and communes (two tiers since 1/7/2025): search by new or old name, look one up. */
export function unitsRoutes({ database }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/communes", validate("query", communeSearchQuerySchema), async (c) =>
      c.json(await searchCommunes(database.db, c.req.valid("query"))),
    )
    .get("/communes/:code", validate("param", z.object({ code: communeCodeSchema })), async (c) =>
      c.json(await getCommune(database.db, c.req.valid("param").code)),
    );
}
