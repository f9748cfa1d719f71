import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser";
import { appUrl } from "./support/context";
import { disconnectAppDatabase, logIn, seedUserWithProject } from "./support/seed";

// What a browser is told about framing, sniffing, referrers and scripts, and that the app still
// runs under its own Content-Security-Policy: a violation would show as a blocked script here.

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, "__cspViolations", { value: seen });
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      consoleErrors.push(message.text());
  });
  return async () => [
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    )),
    ...consoleErrors,
  ];
}

describe("security headers", () => {
  let browser: Browser;
  let user: Awaited<ReturnType<typeof seedUserWithProject>>;

  beforeAll(async () => {
    user = await seedUserWithProject("headers");
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await disconnectAppDatabase();
  });

  it("gives every page a fresh script nonce, forbids framing and sniffing, and sends no HSTS over plain http", async () => {
    const first = await fetch(appUrl("/login"), { redirect: "manual" });
    const second = await fetch(appUrl("/login"), { redirect: "manual" });
    const html = await first.text();
    const policy = first.headers.get("content-security-policy");

    expect(first.status).toBe(200);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("unsafe-eval");
    const nonce = nonceOf(policy);
    expect(nonce).toBeTruthy();
    expect(nonceOf(second.headers.get("content-security-policy"))).not.toBe(nonce);
    // Next puts this response's nonce on each of its scripts.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    // The app has no trusted proxy configured: a client's X-Forwarded-Proto changes nothing.
    const claimed = await fetch(appUrl("/login"), { headers: { "X-Forwarded-Proto": "https" } });
    expect(claimed.headers.get("strict-transport-security")).toBeNull();
    expect(claimed.headers.get("content-security-policy")).not.toContain(
      "upgrade-insecure-requests",
    );
  });

  it("lets the API load nothing and be framed by nobody", async () => {
    const response = await fetch(appUrl("/api/v1/project"));
    expect(response.status).toBe(401);
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("serves the favicon and the app icon from public/", async () => {
    const ico = await fetch(appUrl("/favicon.ico"));
    expect(ico.status).toBe(200);
    expect(Buffer.from(await ico.arrayBuffer()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const svg = await fetch(appUrl("/icon.svg"));
    expect(svg.headers.get("content-type")).toContain("image/svg+xml");
    const page = await newPage(browser);
    await page.goto("/login");
    expect(await page.locator('link[rel="icon"]').evaluateAll((links) => links.length)).toBe(2);
    await page.context().close();
  });

  it("runs the app under its policy without a single violation, and sets no Secure cookie on a client's say-so", async () => {
    const context = await browser.newContext({
      baseURL: appUrl("/"),
      extraHTTPHeaders: { "X-Forwarded-Proto": "https" },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const violations = await watchViolations(page);
    await logIn(page, user);
    // Client-side navigation and a client component's state: both need the app's scripts.
    await page.getByRole("link", { name: "Add event" }).click();
    await page.waitForURL("**/webhooks/new");
    await page.getByRole("button", { name: "Next: webhook requests" }).click();
    await page.getByText("enter a name").waitFor();
    expect(await violations()).toEqual([]);

    const session = (await context.cookies()).find((cookie) => cookie.httpOnly);
    expect(session).toBeDefined();
    expect(session?.secure).toBe(false);
    await context.close();
  });
});
