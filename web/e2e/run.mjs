// End-to-end flows against the real stack in Debian's Chromium. Run with `npm run e2e -w web`.
// How it finds the stack is described in lib/stack.mjs.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launchBrowser } from "./lib/browser.mjs";
import { watchCspViolations } from "./lib/csp-violations.mjs";
import { captureScreen, SCREENSHOT_DIR } from "./lib/screens.mjs";
import { startE2eStack } from "./lib/stack.mjs";
import "./notifications.e2e.mjs";

const newUser = { email: `e2e-${Date.now()}@example.com`, password: "e2e-password-123", household: "E2E household" };

let stack;
let browser;
let page;
let cspViolations;

const at = (path) => new URL(path, stack.url).href;
const heading = (name) => page.getByRole("heading", { level: 1, name });

async function signIn({ email, password }) {
  await page.goto(at("/sign-in"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading("Home").waitFor();
}

/** The page's latest access token, read off its own API requests (another sign-in would spend the auth budget). */
let pageAuthorization;

/** "Check now" as the signed-in user: the hub's two-minute check at once. */
async function checkNow() {
  assert.ok(pageAuthorization, "the page has made no signed-in request yet");
  const response = await fetch(at("/api/v1/recovery/check"), { method: "POST", headers: { Authorization: pageAuthorization } });
  assert.equal(response.status, 200, `the check did not run: ${response.status} ${await response.text()}`);
}

const refreshCookie = async () => (await browser.context.cookies(at("/api/v1/auth/refresh"))).find((cookie) => cookie.name === "autoarr_refresh");

const section = (name) => page.getByRole("heading", { level: 2, name, exact: true }).locator("xpath=..");

async function openFromNav(label) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
  await heading(label).waitFor();
}

describe("AutoArr web", { concurrency: false }, () => {
  before(async () => {
    stack = await startE2eStack();
    console.log(`# stack: ${stack.source} at ${stack.url}; screenshots in ${SCREENSHOT_DIR}`);
    browser = await launchBrowser();
    cspViolations = await watchCspViolations(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("request", (request) => {
      const authorization = request.headers().authorization;
      if (authorization && request.url().includes("/api/v1/")) pageAuthorization = authorization;
    });
  });

  after(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("signs up a new account and lands on Home", async () => {
    await page.goto(at("/"));
    await heading("Sign in").waitFor();
    await captureScreen(page, "sign-in");
    await page.getByRole("link", { name: "Create an account" }).click();
    await heading("Create your account").waitFor();
    await captureScreen(page, "sign-up");
    await page.getByLabel(/Household name/).fill(newUser.household);
    await page.getByLabel("Email").fill(newUser.email);
    await page.getByLabel(/Password/).fill(newUser.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await heading("Home").waitFor();
  });

  it("shows the platform health and each app's state on Home, live", async () => {
    await page.getByText(/All systems normal|Some services need attention/).waitFor();
    const services = page.getByRole("heading", { name: "Services" }).locator("..").getByRole("listitem");
    assert.equal(await services.count(), 5);
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor({ timeout: 15_000 });
    await captureScreen(page, "home");
  });

  it("shows an empty state on every other screen of a new household", async () => {
    for (const [screen, empty] of [
      ["Requests", "No requests yet"],
      ["Audit", "No audit yet"],
      ["Activity", "No recoveries yet"],
    ]) {
      await openFromNav(screen);
      await page.getByText(empty).waitFor();
      await page.waitForLoadState("networkidle");
      await captureScreen(page, `${screen.toLowerCase()}-empty`);
    }
  });

  it("creates a connector and shows its pairing code exactly once", async () => {
    await openFromNav("Settings");
    await page.getByText("No connectors yet").waitFor();
    await section("Connectors").getByLabel("Name").fill("NAS");
    await page.getByLabel(/Connector URL/).fill("https://nas.example.com");
    await page.getByRole("button", { name: "Create connector" }).click();
    const command = page.getByLabel("Pairing command");
    await command.waitFor();
    const text = await command.innerText();
    assert.match(text, /^autoarr-connector pair \S+$/);
    await captureScreen(page, "settings-pairing");
    await page.getByRole("button", { name: "I've copied it" }).click();
    await page.reload();
    await heading("Settings").waitFor();
    await page.getByText("NAS", { exact: true }).waitFor();
    assert.equal(await page.getByText(text.split(" ").at(-1)).count(), 0, "the pairing code must not be shown again");
    await captureScreen(page, "settings");
  });

  it("signs out in every tab, clearing the stored session and the refresh cookie", async () => {
    const otherTab = await browser.context.newPage();
    try {
      await otherTab.goto(at("/settings"));
      await otherTab.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
      const loggedOut = page.waitForResponse((response) => response.url().endsWith("/api/v1/auth/logout"));
      await page.getByRole("button", { name: "Sign out" }).click();
      await heading("Sign in").waitFor();
      assert.equal((await loggedOut).status(), 204);
      await otherTab.getByRole("heading", { level: 1, name: "Sign in" }).waitFor({ timeout: 10_000 });
    } finally {
      await otherTab.close();
    }
    assert.equal(await page.evaluate(() => localStorage.length), 0);
    assert.equal(await refreshCookie(), undefined, "sign-out clears the refresh cookie");
    await page.goto(at("/settings"));
    await heading("Sign in").waitFor();
  });

  it("signs in to the demo account, paired with the demo connector, and sees its downloads", async () => {
    await signIn(stack.demo);
    await page.getByText("All systems normal").waitFor({ timeout: 30_000 });
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor({ timeout: 15_000 });
    await section("Downloads")
      .getByText(/Aborted, cannot be completed/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForLoadState("networkidle");
    await captureScreen(page, "home-demo");
  });

  it("runs an audit, applies a recommendation after its dry run, and rolls it back", async () => {
    const title = "Sonarr logs at Info level";
    await openFromNav("Audit");
    await page.getByRole("button", { name: "Run audit" }).click();
    const card = section("Sonarr").getByRole("article", { name: title });
    await card.waitFor({ timeout: 30_000 });
    await page
      .getByText(/built-in rules|language model/)
      .first()
      .waitFor();
    await captureScreen(page, "audit");

    await card.getByRole("button", { name: "Apply…" }).click();
    const apply = page.getByRole("dialog", { name: `Apply “${title}”?` });
    await apply.getByText("This will change one setting in Sonarr:").waitFor({ timeout: 30_000 });
    assert.match(await apply.locator(".change-diff").innerText(), /trace[\s\S]*info/);
    await captureScreen(page, "audit-apply");
    await apply.getByRole("button", { name: "Apply change" }).click();
    await apply.waitFor({ state: "hidden", timeout: 30_000 });

    const history = section("Change history");
    const applied = history.getByRole("listitem").filter({ hasText: "applied" }).first();
    await applied.waitFor({ timeout: 30_000 });
    assert.match(await applied.innerText(), /Sonarr[\s\S]*trace[\s\S]*info/);
    await applied.getByRole("button", { name: "Roll back…" }).click();
    const rollBack = page.getByRole("dialog", { name: "Roll back this change?" });
    await rollBack.getByRole("button", { name: "Roll back", exact: true }).click();
    await rollBack.waitFor({ state: "hidden", timeout: 30_000 });
    await history.getByRole("listitem").filter({ hasText: "rollback" }).first().waitFor({ timeout: 30_000 });
    await history
      .getByText(/Rolled back/)
      .first()
      .waitFor();

    // The app has its old value again: a fresh audit (which re-reads the apps) recommends the change again, from "trace".
    await page.getByRole("button", { name: "Run audit" }).click();
    const again = section("Sonarr").getByRole("article", { name: title });
    await again.getByRole("button", { name: "Apply…" }).waitFor({ timeout: 30_000 });
    assert.match(await again.locator(".change-diff").innerText(), /trace[\s\S]*info/);
    await page.waitForLoadState("networkidle");
    await captureScreen(page, "audit-history");
  });

  it("keeps the refresh token where no script can read it, and stays signed in across a reload through it", async () => {
    const cookie = await refreshCookie();
    assert.ok(cookie, "sign-in sets the refresh cookie");
    assert.deepEqual(
      { httpOnly: cookie.httpOnly, secure: cookie.secure, sameSite: cookie.sameSite, path: cookie.path },
      { httpOnly: true, secure: true, sameSite: "Strict", path: "/api/v1/auth" },
    );
    const readable = await page.evaluate(() => ({ storage: JSON.stringify({ ...localStorage, ...sessionStorage }), cookies: document.cookie }));
    assert.ok(!readable.storage.includes(cookie.value) && !readable.cookies.includes(cookie.value), "the refresh token is readable by script");
    assert.equal(await page.evaluate(() => localStorage.getItem("autoarr.refreshToken")), null);

    // Every page load is a refresh (and the auth routes allow ten a minute per address), so this reload is also the
    // one that makes Home fetch /health afresh after the audit, for the next test.
    await openFromNav("Home");
    await page.reload();
    await heading("Home").waitFor();
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor({ timeout: 15_000 });
    const rotated = await refreshCookie();
    assert.ok(rotated && rotated.value !== cookie.value, "the reload refreshed through the cookie, which rotated");
  });

  it("shows the connector and the four apps healthy once they have been reached", async () => {
    // An app's circuit appears in /health after AutoArr first calls it; the audit has just called all four, and the
    // reload above has fetched /health since.
    await heading("Home").waitFor();
    const services = section("Services").getByRole("listitem");
    for (const app of ["Connector", "SABnzbd", "Sonarr", "Radarr", "Plex"]) {
      await services.filter({ hasText: app }).getByText("Healthy").waitFor({ timeout: 30_000 });
    }
    await page.getByText("All systems normal").waitFor();
    await captureScreen(page, "home-healthy");
  });

  it("makes a request with a choice and follows it", async () => {
    await openFromNav("Requests");
    await page.getByLabel("What do you want to watch?").fill("Dune");
    const understanding = page.getByRole("status", { name: "How AutoArr understood your request" });
    await understanding.getByText("Dune").waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "Request", exact: true }).click();
    await page.getByText("Which one did you mean?").waitFor({ timeout: 30_000 });
    const choose1984 = page.getByRole("button", { name: "Choose Dune (1984)" });
    await choose1984.waitFor();
    assert.ok((await page.locator(".option-card").count()) >= 2, "an ambiguous title offers at least two candidates");
    await captureScreen(page, "requests-choice");
    await choose1984.click();
    const card = page.locator(".request-card").filter({ hasText: "Dune (1984)" }).first();
    const progress = card.getByRole("list", { name: /^Progress: / });
    await progress.waitFor({ timeout: 30_000 });
    assert.match(await progress.getAttribute("aria-label"), /Progress: (Added|Searching|Downloading|Imported|Available) in Radarr/);
    await page.waitForLoadState("networkidle");
    await captureScreen(page, "requests");
  });

  it("shows a failed download's detection and recovery arriving live on Home, without a reload", async () => {
    await openFromNav("Home");
    await page.getByRole("status", { name: "Live updates: Live" }).waitFor({ timeout: 15_000 });
    const log = page.getByRole("log", { name: "Latest activity" });
    await log.waitFor();
    await page.evaluate(() => {
      window.__e2eNoReload = true;
    });
    const box = await section("Downloads").boundingBox();
    await checkNow();
    await log
      .getByText(/ recovered: /)
      .first()
      .waitFor({ timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.__e2eNoReload), true, "the page must not have reloaded");
    assert.deepEqual(await section("Downloads").boundingBox(), box, "the queue must not move when activity arrives");
    await captureScreen(page, "home-recovered");
  });

  it("lists recoveries and filters the activity log by app and kind, loading older pages", async () => {
    // More than a page of log: each new request writes a line (ambiguous titles stop at needs_choice). They are sent
    // with the page's own access token, read off its requests: another sign-in would spend the auth routes' budget.
    const pageRequest = page.waitForRequest((request) => request.url().includes("/api/v1/") && Boolean(request.headers().authorization));
    await openFromNav("Activity");
    const authorization = (await pageRequest).headers().authorization;
    for (const query of ["The Office", "The Office", "Dune", "Dune", "The Office", "Dune"]) {
      const response = await fetch(at("/api/v1/requests"), {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: authorization },
        body: JSON.stringify({ query }),
      });
      assert.equal(response.status, 201);
    }
    // Live events have been prepending to the cached first page (which then holds everything); a reload pages from scratch.
    await page.reload();
    await heading("Activity").waitFor();
    await section("Recoveries").getByText("Recovered").first().waitFor({ timeout: 15_000 });
    const log = page.getByRole("list", { name: "Log", exact: true });
    await log.getByRole("listitem").first().waitFor();
    const firstPage = await log.getByRole("listitem").count();
    assert.ok(firstPage >= 10, `the first page holds ten entries (and any that arrived live), not ${firstPage}`);
    await page.getByRole("button", { name: "Load older activity" }).click();
    await page.waitForFunction((count) => document.querySelectorAll("main .activity-row").length > count, firstPage);
    await captureScreen(page, "activity");

    await page.getByLabel("App").selectOption("radarr");
    await page.getByLabel("Kind").selectOption("recovery");
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll("main .activity-row")];
        return rows.length > 0 && rows.every((row) => row.getAttribute("data-kind") === "recovery" && row.textContent.includes("Radarr"));
      },
      undefined,
      { timeout: 15_000 },
    );
    await page.getByText("That's everything.").waitFor();
    await captureScreen(page, "activity-filtered");
  });

  it("saves the recovery settings and keeps them after a reload", async () => {
    await openFromNav("Settings");
    const recovery = section("Recovery");
    await recovery.getByLabel("Ask me first").check();
    await recovery.getByLabel("Attempts before giving up").fill("5");
    await recovery.getByLabel(/counts as stalled/).fill("4");
    await recovery.getByLabel("Webhook URL").fill("http://localhost/hook");
    await recovery.getByRole("button", { name: "Save recovery settings" }).click();
    await recovery.locator(".field-error, .form-alert").first().waitFor();
    await recovery.getByLabel("Webhook URL").fill("https://hooks.example.com/autoarr");
    await recovery.getByLabel("Webhook format").selectOption("discord");
    await recovery.getByRole("button", { name: "Save recovery settings" }).click();
    await recovery.getByRole("status").getByText("Saved").waitFor({ timeout: 15_000 });
    await page.reload();
    await heading("Settings").waitFor();
    const reloaded = section("Recovery");
    await reloaded.getByLabel("Attempts before giving up").waitFor();
    assert.equal(await reloaded.getByLabel("Ask me first").isChecked(), true);
    assert.equal(await reloaded.getByLabel("Attempts before giving up").inputValue(), "5");
    assert.equal(await reloaded.getByLabel(/counts as stalled/).inputValue(), "4");
    assert.equal(await reloaded.getByLabel("Webhook URL").inputValue(), "https://hooks.example.com/autoarr");
    assert.equal(await reloaded.getByLabel("Webhook format").inputValue(), "discord");
    await page.waitForLoadState("networkidle");
    await captureScreen(page, "settings-demo");
  });

  it("opens offline from the service worker's app shell and says it is offline", async () => {
    await openFromNav("Home");
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      }
    });
    await browser.context.setOffline(true);
    try {
      await page.reload();
      await heading("Home").waitFor();
      await page.getByText("You are offline").waitFor();
      await page.getByRole("status", { name: "Live updates: Offline" }).waitFor();
      await captureScreen(page, "home-offline");
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it("ran every screen above under the Content Security Policy without a single violation", async () => {
    const seen = [...cspViolations];
    // The policy is really enforced and the watcher really hears it: an inline script is refused and reported.
    // (Not an eval: the DevTools protocol's evaluate is exempt from the page's eval rules.)
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__e2eInlineRan = true";
      document.head.append(script);
      return window.__e2eInlineRan === true;
    });
    assert.equal(ran, false, "an inline script ran despite the CSP");
    const deadline = Date.now() + 5_000;
    while (cspViolations.length === seen.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(cspViolations.length > seen.length, "the deliberate eval was not reported as a violation");
    assert.deepEqual(seen, []);
  });
});
