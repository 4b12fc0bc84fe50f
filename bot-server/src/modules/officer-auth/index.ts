/**
 * Officer accounts and sessions: the public face other modules (officer-desk, the admin CLI, the
 * sandbox's demo seed) use. Passwords are argon2id; sessions are bearer tokens stored as hashes.
 */

export { hashPassword } from "./password";
export { disableOfficer, setPassword } from "./repo";
export { officerSessionRoutes } from "./routes";
export { type CreateOfficerResult, createOfficer, OFFICER_SIGN_IN_LIMITS, signInOfficer } from "./service";
export {
  OFFICER_SESSION_ABSOLUTE_MS,
  OFFICER_SESSION_IDLE_MS,
  type OfficerEnv,
  requireOfficer,
} from "./session";
