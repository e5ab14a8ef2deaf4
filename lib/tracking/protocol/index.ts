/** MLflow's REST contract, shared by the server and the browser SDK (no server imports here). */
export * from "./errors";
export * from "./limits";
export * from "./wire";
export * from "./entities";
export * from "./experiments";
export * from "./runs";
export * from "./endpoints";
export * from "./artifacts";
export * from "./registry";
export * from "./registry-limits";
