export * from "./api/errors";
export * from "./api/health";
export * from "./api/units";
export * from "./text/fold";
