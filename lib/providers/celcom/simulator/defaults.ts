// Kept apart from the simulator's server code so the provider factory can use these without
// loading an HTTP server into the web app or the worker. They match the defaults in lib/env.ts.
export const SIMULATOR_DEFAULT_PORT = 4010;
export const SIMULATOR_DEFAULT_URL = `http://127.0.0.1:${SIMULATOR_DEFAULT_PORT}`;
export const SIMULATOR_DEFAULT_API_KEY = "simulator-key";
export const SIMULATOR_DEFAULT_PARTNER_ID = "simulator-partner";
export const SIMULATOR_DEFAULT_DLR_URL = "http://127.0.0.1:3000/api/callbacks/celcom/dlr";
