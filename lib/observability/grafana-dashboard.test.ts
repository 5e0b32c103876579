import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { metrics } from "@/lib/observability/metrics";
import { registerWorkerCollectors } from "@/lib/observability/worker-collectors";

interface Panel {
  title: string;
  targets?: { expr: string }[];
}

describe("docs/grafana-dashboard.json", () => {
  it("only queries metrics the processes register", () => {
    registerWorkerCollectors();
    const dashboard = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../docs/grafana-dashboard.json"), "utf8")) as { panels: Panel[] };
    const queried = new Set(
      dashboard.panels.flatMap((panel) => (panel.targets ?? []).flatMap((target) => [...target.expr.matchAll(/\bsema_[a-z0-9_]+/g)].map((match) => match[0]))),
    );
    expect(queried.size).toBeGreaterThan(20);
    const registered = new Set(metrics.registry.getMetricsAsArray().map((metric) => metric.name));
    const missing = [...queried].filter((name) => !registered.has(name) && !registered.has(name.replace(/_(bucket|count|sum)$/, "")));
    expect(missing).toEqual([]);
  });
});
