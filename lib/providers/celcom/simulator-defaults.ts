// Where the Celcom simulator (simulators/celcom/, a development tool) listens and which credentials
// it accepts by default. Product code may not import the simulator itself, so the provider factory
// and the simulator both read these. They match the defaults in lib/env.ts.
export const SIMULATOR_DEFAULT_PORT = 4010;
export const SIMULATOR_DEFAULT_URL = `http://127.0.0.1:${SIMULATOR_DEFAULT_PORT}`;
export const SIMULATOR_DEFAULT_API_KEY = "simulator-key";
export const SIMULATOR_DEFAULT_PARTNER_ID = "simulator-partner";
export const SIMULATOR_DEFAULT_DLR_URL = "http://127.0.0.1:3000/api/callbacks/celcom/dlr";
