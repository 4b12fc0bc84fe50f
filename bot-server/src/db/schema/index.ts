export * from "./procedures";
export * from "./sandbox";
export * from "./system";
export * from "./units";
