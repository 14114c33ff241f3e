import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countCacheStatuses, countHttpStatuses, findNginx, NGINX_CONF, renderNginxConfig } from "./nginx";

const template = readFileSync(NGINX_CONF, "utf8");
const settings = {
  port: 40123,
  upstreams: ["127.0.0.1:41001", "127.0.0.1:41002", "127.0.0.1:41003"],
  folder: "/tmp/tracker-nginx-x",
  asRoot: false,
};

describe("renderNginxConfig (deploy/nginx.conf for a run of its own)", () => {
  it("listens on the run's port on 127.0.0.1 only and lists exactly the run's instances", () => {
    const conf = renderNginxConfig(template, settings);
    expect(conf.match(/^\s*listen .*$/gm)).toEqual(["        listen 127.0.0.1:40123;"]);
    const upstream = conf.slice(
      conf.indexOf("upstream tracker_app {"),
      conf.indexOf("}", conf.indexOf("upstream tracker_app {")),
    );
    expect(upstream.match(/^\s*server \S+;$/gm)?.map((l) => l.trim())).toEqual([
      "server 127.0.0.1:41001;",
      "server 127.0.0.1:41002;",
      "server 127.0.0.1:41003;",
    ]);
  });

  it("keeps every file nginx writes in the run's folder, and drops `user` when not root", () => {
    const conf = renderNginxConfig(template, settings);
    const directives = conf.replace(/#.*$/gm, "");
    expect(directives).not.toMatch(/\/(var|run)\//);
    for (const d of [
      "pid",
      "error_log",
      "access_log",
      "client_body_temp_path",
      "proxy_temp_path",
      "proxy_cache_path",
    ]) {
      expect(directives).toMatch(new RegExp(`^\\s*${d} /tmp/tracker-nginx-x/`, "m"));
    }
    expect(directives).not.toMatch(/^\s*user /m);
    expect(renderNginxConfig(template, { ...settings, asRoot: true })).toMatch(/^user www-data;$/m);
  });

  it("refuses a file whose lines for the launcher changed shape, rather than run nginx on the wrong port", () => {
    expect(() => renderNginxConfig(template.replace("listen 80;", "listen 8080;"), settings)).toThrow(
      "no longer has the listen line(s)",
    );
    expect(() =>
      renderNginxConfig(`${template}\n# extra\nhttp { access_log /var/log/other.log; }\n`, settings),
    ).toThrow("names /var/log/other.log;");
  });

  it.skipIf(!findNginx())("is accepted by nginx -t as rendered", () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), "tracker-nginx-test-"));
    try {
      const conf = path.join(folder, "nginx.conf");
      writeFileSync(conf, renderNginxConfig(template, { ...settings, folder, asRoot: process.getuid?.() === 0 }));
      const r = spawnSync(findNginx()!, ["-t", "-q", "-p", folder, "-c", conf, "-e", path.join(folder, "error.log")], {
        encoding: "utf8",
      });
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("countCacheStatuses and countHttpStatuses", () => {
  it("counts each $upstream_cache_status of the access log, with '-' for requests that never looked at the cache", () => {
    const log = [
      '127.0.0.1 [2026-12-01T07:00:00+00:00] "GET /codebook HTTP/1.1" 200 100 0.010 0.010 cache=MISS upstream=127.0.0.1:41001 id=a',
      '127.0.0.1 [2026-12-01T07:00:00+00:00] "GET /codebook HTTP/1.1" 200 100 0.000 - cache=HIT upstream=- id=b',
      '127.0.0.1 [2026-12-01T07:00:00+00:00] "GET /codebook HTTP/1.1" 200 100 0.000 - cache=HIT upstream=- id=c',
      '127.0.0.1 [2026-12-01T07:00:00+00:00] "POST /editor HTTP/1.1" 303 0 0.050 0.050 cache=- upstream=127.0.0.1:41002 id=d',
    ].join("\n");
    expect(countCacheStatuses(log)).toEqual({ MISS: 1, HIT: 2, "-": 1 });
    expect(countHttpStatuses(log)).toEqual({ "200": 3, "303": 1 });
  });
});
