/** Forms: the definition format, the answer shapes, and the engine that runs a definition. */
export * from "./answers";
export * from "./definition";
export * from "./engine";
