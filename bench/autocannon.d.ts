// The part of autocannon's API the TypeScript benches use (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      connections?: number;
      duration?: number;
      timeout?: number;
    }
    interface Result {
      start: Date | string;
      finish: Date | string;
      requests: { total: number; average: number };
      latency: { p50: number; p99: number };
      statusCodeStats?: Record<string, { count: number }>;
      "2xx": number;
      errors: number;
      timeouts: number;
    }
  }
  function autocannon(options: autocannon.Options, callback: (error: Error | null, result: autocannon.Result) => void): unknown;
  export default autocannon;
}
