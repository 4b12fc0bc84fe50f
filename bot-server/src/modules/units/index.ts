/** The units module's face for the rest of the server: the in-memory commune index, read at start. */
export { loadCommuneIndex } from "./service";
