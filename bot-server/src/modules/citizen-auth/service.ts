import type { CitizenMeResponse, SignInResponse } from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import type { GraphClient } from "../../zalo/graph-client";
import { hasAnyLiveConsent } from "../profile/consent-repo";
import { findCitizen, toCitizen, upsertCitizen } from "./repo";
import { createSession } from "./session";

/**
 * Sign-in with the Mini App's Zalo access token (ASVS 7.2.1: verified on the server). Who the citizen is
 * comes only from Zalo's answer to that token, never from anything else the client sends. A token Zalo
 * refuses fails in graph.getMe (401) before anything is written.
 */
export async function signIn(db: Database, graph: GraphClient, accessToken: string): Promise<SignInResponse> {
  const zaloUser = await graph.getMe(accessToken);
  const citizen = await upsertCitizen(db, zaloUser);
  const session = await createSession(db, citizen.id);
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    citizen,
    consentGiven: await hasAnyLiveConsent(db, citizen.id),
  };
}

export async function describeCitizen(db: Database, citizenId: string): Promise<CitizenMeResponse> {
  const row = await findCitizen(db, citizenId);
  // The session row cascades with the citizen, so this only happens in a race with a deletion.
  if (!row) throw new AppError("UNAUTHENTICATED");
  return { citizen: toCitizen(row), consentGiven: await hasAnyLiveConsent(db, citizenId) };
}
