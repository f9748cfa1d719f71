import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { appUrl } from "./context";

/** The id Next gave a server action in this build, as a browser would send it. */
export function actionId(name: string, appDir: string = inject("appDir")): string {
  const manifestFile = path.join(appDir, ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`server action ${name} is not in the build`);
  return found[0];
}

/**
 * Posts a server action the way a browser would, with the session cookies of `as` (or none),
 * so tests can send what the UI never would: another project's id, a viewer's admin action.
 */
export async function postServerAction(options: {
  name: string;
  args: unknown[];
  pagePath: string;
  as?: Page;
  headers?: Record<string, string>;
  /** Another running build than the e2e suite's app (its origin and folder). */
  app?: { url: string; dir: string };
}): Promise<Response> {
  const cookies = options.as ? await options.as.context().cookies() : [];
  const url = options.app
    ? new URL(options.pagePath, options.app.url).toString()
    : appUrl(options.pagePath);
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: {
      "Next-Action": actionId(options.name, options.app?.dir),
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      ...(cookies.length > 0
        ? { Cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; ") }
        : {}),
      ...options.headers,
    },
    body: JSON.stringify(options.args),
  });
}
