import "../helpers/fresh-database";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { type AppServer, startAppServer } from "../e2e/support/app-server";
import { postServerAction } from "../e2e/support/server-actions";
import { ensureBuild, productionEnv } from "../helpers/built-app";
import { createUserWithProject } from "../helpers/factories";
import { TEST_DATABASE_URL } from "../helpers/fresh-database";

// Behind a proxy of ours (TRUST_PROXY=true) its X-Forwarded-Proto says whether the browser came
// over https: then cookies are Secure and pages ask for https from now on. The browser suite
// runs without a trusted proxy and sees none of it.

let server: AppServer;
let user: { email: string; password: string };
const appDir = path.resolve(".");

beforeAll(async () => {
  await ensureBuild(appDir);
  user = await createUserWithProject("proxy");
  await db.$disconnect();
  server = await startAppServer({
    appDir,
    env: productionEnv({ DATABASE_URL: TEST_DATABASE_URL, TRUST_PROXY: "true" }),
    logFile: path.join(mkdtempSync(path.join(tmpdir(), "proxy-")), "server.log"),
  });
}, 900_000);

afterAll(async () => {
  await server?.stop();
});

async function sessionCookie(forwardedProto: string) {
  const response = await postServerAction({
    name: "loginAction",
    args: [{ email: user.email, password: user.password }],
    pagePath: "/login",
    headers: { "X-Forwarded-Proto": forwardedProto },
    app: { url: server.url, dir: appDir },
  });
  return response.headers.getSetCookie().find((c) => c.startsWith("webhooks_session=")) ?? "";
}

describe("behind a trusted https proxy", () => {
  it("marks the session cookie Secure only when the proxy says https", async () => {
    const overHttps = await sessionCookie("https");
    expect(overHttps).toMatch(/HttpOnly/i);
    expect(overHttps).toMatch(/; Secure/i);
    expect(await sessionCookie("http")).not.toMatch(/Secure/i);
  });

  it("sends HSTS and upgrades requests over https only", async () => {
    const https = await fetch(`${server.url}/login`, { headers: { "X-Forwarded-Proto": "https" } });
    expect(https.headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(https.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const http = await fetch(`${server.url}/login`, { headers: { "X-Forwarded-Proto": "http" } });
    expect(http.headers.get("strict-transport-security")).toBeNull();
  });
});
