// App data is never markup: each service's escaping on its own, then hostile titles sent through every adapter to its
// fake, which must show them as the text they are — no ping, no link, no formatting.
import { describe, expect, it } from "vitest";
import { deliver } from "../../workers/notifications/delivery";
import { absoluteLink, escapeDiscordMarkdown, escapeSlackMrkdwn, escapeTelegramHtml, slackLink, truncate } from "../../workers/notifications/markup";
import { APP_URL, adapterFor, fakeConfig, KINDS, marker, message, onlyRequest } from "./fake-channels";

const HOSTILE =
  '@everyone @here <@&123456> <@98765> <#555> <!channel> <!everyone> [x](https://evil.example) <https://evil.example|x> <a href="https://evil.example">x</a> <b>bold</b> *bold* _it_ ~~s~~ ||spoiler|| `code` ```block``` # Heading > quote &amp; :emoji:';

/** What Discord shows for escaped text: its parser drops a backslash before any ASCII punctuation. */
function discordShows(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

describe("escapeDiscordMarkdown", () => {
  it("leaves every markup character escaped and shows the text as it was", () => {
    const escaped = escapeDiscordMarkdown(HOSTILE);
    expect(discordShows(escaped).replace(/\u200b/g, "")).toBe(HOSTILE);
    // No markup character stands unescaped.
    expect(escaped.replace(/\\./g, "")).not.toMatch(/[*_~`|>#[\]()<:]/);
  });

  it("breaks @everyone and @here so they neither ping nor render as mentions", () => {
    expect(escapeDiscordMarkdown("@everyone @Here")).toBe("@\u200beveryone @\u200bHere");
  });
});

describe("escapeTelegramHtml", () => {
  it("replaces exactly <, > and & with their entities", () => {
    expect(escapeTelegramHtml(`<b>a</b> & "q" 'x'`)).toBe(`&lt;b&gt;a&lt;/b&gt; &amp; "q" 'x'`);
  });
});

describe("escapeSlackMrkdwn", () => {
  it("replaces exactly &, < and >, so <!everyone> and <url|x> are text", () => {
    expect(escapeSlackMrkdwn("<!everyone> <https://evil|x> & *b*")).toBe("&lt;!everyone&gt; &lt;https://evil|x&gt; &amp; *b*");
  });

  it("builds a link whose URL cannot end it early", () => {
    expect(slackLink("https://a.example/x?a=1&b=|>", "Open <it>")).toBe("<https://a.example/x?a=1&amp;b=%7C&gt;|Open &lt;it&gt;>");
  });
});

describe("text helpers", () => {
  it("truncate cuts with an ellipsis and never splits a surrogate pair", () => {
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("ab😀cd", 4)).toBe("ab…");
    expect(truncate("abc", 3)).toBe("abc");
  });

  it("absoluteLink makes app paths absolute and drops links that leave the app", () => {
    const context = { appUrl: APP_URL, now: new Date() };
    const at = (link: string) => absoluteLink({ ...message("x"), link }, context);
    expect(at("/activity?x=1")).toBe(`${APP_URL}/activity?x=1`);
    expect(at("https://evil.example/")).toBeUndefined();
    expect(at("//evil.example/a")).toBeUndefined();
    expect(at("javascript:alert(1)")).toBeUndefined();
  });
});

describe.each(KINDS)("a hostile title and body sent to %s", (kind) => {
  it("reach the fake as inert text", async () => {
    const mark = marker();
    const hostile = message(mark, { title: HOSTILE, body: `${HOSTILE}\n${mark}`, items: [{ title: HOSTILE, body: HOSTILE }] });
    const result = await deliver(adapterFor(kind), fakeConfig(kind), hostile, { appUrl: APP_URL, allowLoopback: true });
    expect(result).toMatchObject({ status: "sent" });
    const request = await onlyRequest(kind, mark);
    const body = request.body as Record<string, unknown>;
    switch (kind) {
      case "discord": {
        expect(body.allowed_mentions).toEqual({ parse: [] });
        const embed = (body.embeds as { title: string; description: string; fields: { name: string; value: string }[] }[])[0];
        for (const text of [embed?.title, embed?.description, embed?.fields[0]?.name, embed?.fields[0]?.value]) {
          expect(text?.replace(/\\./g, "")).not.toMatch(/[*_~`|>#[\]()<:]/);
          expect(text).not.toMatch(/@everyone|@here/);
        }
        // The title is cut to 256 characters; the description holds the whole text.
        expect(discordShows(embed?.description ?? "").replace(/\u200b/g, "")).toBe(`${HOSTILE}\n${mark}`);
        expect(
          HOSTILE.startsWith(
            discordShows(embed?.title ?? "")
              .replace(/\u200b/g, "")
              .replace(/…$/, ""),
          ),
        ).toBe(true);
        break;
      }
      case "telegram":
        // The fake parsed the HTML as Telegram does: the tags in the title are shown, not applied.
        expect(request.renderedText).toContain(HOSTILE);
        expect(request.renderedText).toContain(`${HOSTILE}\n${mark}`);
        expect(request.renderedText).toContain(`<a href="https://evil.example">x</a> <b>bold</b>`);
        break;
      case "slack": {
        expect(body.text).not.toMatch(/<!|<@|<#|<https?:/);
        expect(body.text).toContain("&lt;!everyone&gt;");
        const blocks = body.blocks as { type: string; text?: { type: string; text: string }; elements?: { type: string; text: string }[] }[];
        expect(blocks[0]?.text).toMatchObject({ type: "plain_text", text: expect.stringContaining("<!channel>") });
        expect(blocks[1]?.text?.type).toBe("plain_text");
        // The only mrkdwn block is AutoArr's own context line.
        expect(blocks[2]?.elements?.[0]?.text).not.toContain("evil");
        break;
      }
      case "pushover":
        expect(body.html).toBeUndefined();
        expect(body.monospace).toBeUndefined();
        expect(body.title).toBe(HOSTILE);
        break;
      case "ntfy":
        expect(body.markdown).toBeUndefined();
        expect(body.title).toBe(HOSTILE);
        break;
      case "gotify":
        expect(body.extras).toMatchObject({ "client::display": { contentType: "text/plain" } });
        expect(body.title).toBe(HOSTILE);
        break;
      case "apprise":
        expect(body.format).toBe("text");
        expect(body.title).toBe(HOSTILE);
        break;
      case "webhook":
        // JSON for programs: the text as it is, for the receiver to escape for wherever it shows it.
        expect(body.title).toBe(HOSTILE);
        break;
    }
  });
});
