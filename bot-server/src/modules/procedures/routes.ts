import { procedureCodeSchema, procedureDetailQuerySchema, procedureListQuerySchema } from "@dvc/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../http/env";
import { validate } from "../../http/validate";
import { getProcedure, listProcedures } from "./service";

/** The procedure catalog: search and list, and one definition (optionally a past version). */
export function procedureRoutes({ database }: AppDeps) {
  return new Hono<AppEnv>()
    .get("/", validate("query", procedureListQuerySchema), (c) =>
      c.json(listProcedures(c.req.valid("query"))),
    )
    .get(
      "/:code",
      validate("param", z.object({ code: procedureCodeSchema })),
      validate("query", procedureDetailQuerySchema),
      async (c) =>
        c.json(await getProcedure(database.db, c.req.valid("param").code, c.req.valid("query").version)),
    );
}
