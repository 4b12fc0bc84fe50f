export * from "./citizens";
export * from "./dossiers";
export * from "./procedures";
export * from "./profiles";
export * from "./sandbox";
export * from "./sandbox-zalo";
export * from "./system";
export * from "./units";
