"""The script-tag widget in a real headless Chromium, on test pages served from other origins.

One page's origin is in `cors_origins`: a question typed in the widget gets its cited answer and a
citation opens its passage. Another page, on an origin outside the allow-list, gets a French error
and no answer. Both pages carry hostile global CSS that the widget's Shadow DOM must shrug off.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.chromium import assert_stayed_on_loopback

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WAIT_MS = 30_000
KEY = "cle-du-widget"
TITLE = "Missions de la CCI"
SILICON = "Combien d'entrepreneurs ont participé à la Mission Silicon Valley ?"
QUOTE = "une quinzaine d’entrepreneurs ou porteurs de projet régionaux"
BLUE = "rgb(11, 74, 143)"
HOSTILE_CSS = """
* { font-family: "Comic Sans MS", cursive !important; color: magenta !important; font-size: 30px !important; }
div { display: none !important; position: static !important; opacity: .1 !important; }
button { all: unset !important; background: yellow !important; }
[hidden] { display: block !important; }
"""

# WCAG contrast ratio of an element's text colour against the first opaque background behind it.
CONTRAST_JS = """el => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let node = el, bg = [255, 255, 255];
  while (node) {
    const c = rgb(getComputedStyle(node).backgroundColor);
    if (c.length === 3 || c[3] > 0) { bg = c; break; }
    node = node.parentElement || node.getRootNode().host || null;
  }
  const [hi, lo] = [lum(rgb(getComputedStyle(el).color)), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


def page_html(script_src: str, **data: str) -> str:
    """A partner's page: hostile CSS, some text, and the widget's script tag with `data-*` attributes."""
    attributes = " ".join(f'data-{name.replace("_", "-")}="{value}"' for name, value in data.items())
    return (
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Partenaire</title>'
        f"<style>{HOSTILE_CSS}</style></head><body><h1>Le site d'un partenaire</h1><p>Du contenu.</p>"
        f'<script src="{script_src}" {attributes} async></script></body></html>'
    )


class PartnerPage:
    """A plain HTTP server on its own port (so its own origin) serving `html` at /."""

    def __init__(self) -> None:
        page = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                body = page.html.encode() if self.path == "/" else b""
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.html = ""
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def partner_pages(count: int) -> Iterator[list[PartnerPage]]:
    """`count` partner pages, each on its own origin, closed afterwards."""
    pages = [PartnerPage() for _ in range(count)]
    try:
        yield pages
    finally:
        for page in pages:
            page.close()


@pytest.fixture(scope="module")
def site(serve_app) -> Iterator[dict[str, str]]:
    """The Missions server, whose allow-list holds the 'allowed' page's origin only, and the two pages' URLs.

    The server requires a key (the widget's `data-api-key`); the 'refused' page puts the widget on the left.
    """
    with partner_pages(2) as (allowed, refused):
        with serve_app(cors_origins=[allowed.origin], api_keys=[KEY]) as server:
            script = f"{server}/widget.js"
            allowed.html = page_html(script, title=TITLE, api_key=KEY)
            refused.html = page_html(script, title=TITLE, api_key=KEY, position="left")
            yield {"server": server, "allowed": allowed.origin + "/", "refused": refused.origin + "/"}


def asked(page) -> Callable[[], list[dict]]:
    """Record the bodies the widget posts to /api/ask; call the result to read them."""
    bodies: list[dict] = []
    page.on("request", lambda r: bodies.append(r.post_data_json) if r.url.endswith("/api/ask") else None)
    return lambda: bodies


def widget_parts(page):
    """(launcher, dialog, question box) of the widget, found by role and name as a screen reader would."""
    return (
        page.get_by_role("button", name="Poser une question sur les missions"),
        page.get_by_role("dialog", name=TITLE),
        page.get_by_role("textbox", name="Votre question"),
    )


def test_allowed_origin_gets_cited_answers_by_keyboard_and_mouse(page, site):
    from playwright.sync_api import expect

    bodies = asked(page)
    page.goto(site["allowed"])
    launcher, dialog, box = widget_parts(page)

    # Hostile page CSS does not reach inside: our colours, visible, fixed at the bottom right.
    expect(launcher).to_be_visible(timeout=WAIT_MS)
    assert launcher.evaluate("b => getComputedStyle(b).backgroundColor") == BLUE
    assert "Comic Sans" not in launcher.evaluate("b => getComputedStyle(b).fontFamily")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(dialog).to_be_hidden()

    # Keyboard: Enter opens the panel and puts the focus in the question box.
    launcher.focus()
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(box).to_be_focused()
    log = page.get_by_role("log", name="Conversation")
    expect(log).to_have_attribute("aria-live", "polite")

    page.keyboard.type(SILICON)
    page.keyboard.press("Enter")
    answers = log.locator("[data-role='bot']")
    expect(answers.first).to_contain_text("quinzaine", timeout=WAIT_MS)
    expect(box).to_have_value("")
    marker = answers.first.get_by_role("button", name="Source 1 : Mission Silicon Valley (2017)")
    expect(marker).to_have_text("[1]")
    source = answers.first.get_by_role("region", name="Source 1")
    expect(source).to_be_hidden()

    # The marker is reached from the question box with Shift+Tab and opened with Enter.
    expect(box).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(marker).to_be_focused()
    page.keyboard.press("Enter")
    expect(source).to_be_visible()
    expect(marker).to_have_attribute("aria-expanded", "true")
    expect(source).to_contain_text(QUOTE)
    expect(source).to_contain_text("Mission Silicon Valley (2017)")
    expect(source).to_contain_text("mission-silicon-valley-2017.txt, paragraphe 1")
    page.screenshot(path="/tmp/missions-widget.png")
    readable = [
        launcher, dialog.get_by_role("heading", name=TITLE), answers.first.locator(".text"), marker,
        source.locator("blockquote"), source.locator(".meta").first, page.get_by_text("Votre question", exact=True),
        dialog.locator(".hint"), page.get_by_role("button", name="Envoyer"),
    ]  # fmt: skip
    ratios = {item.evaluate("e => e.className || e.tagName"): item.evaluate(CONTRAST_JS) for item in readable}
    assert min(ratios.values()) >= 4.5, ratios  # WCAG AA for text
    marker.click()  # and closed again with the mouse
    expect(source).to_be_hidden()

    # A follow-up carries the conversation: it stays on the 2017 mission.
    box.fill("Qui a organisé la mission de 2017 ?")
    box.press("Enter")
    expect(answers.nth(1)).to_contain_text("CCI Occitanie", timeout=WAIT_MS)
    box.fill("Et combien de rendez-vous ?")
    page.get_by_role("button", name="Envoyer").click()
    expect(answers.nth(2)).to_contain_text("14 rendez-vous", timeout=WAIT_MS)
    sent = bodies()
    assert [b["question"] for b in sent] == [SILICON, "Qui a organisé la mission de 2017 ?", "Et combien de rendez-vous ?"]
    assert [t["question"] for t in sent[2]["history"]] == [SILICON, "Qui a organisé la mission de 2017 ?"]
    assert "CCI Occitanie" in sent[2]["history"][1]["answer"]

    # The server's own French error is shown, and the question is kept for editing.
    too_long = "Quels fonds ? " * 40
    box.fill(too_long)
    box.press("Enter")
    error = log.locator("[data-role='error']")
    expect(error).to_contain_text("La question est trop longue", timeout=WAIT_MS)
    expect(box).to_have_value(too_long)
    assert error.last.evaluate(CONTRAST_JS) >= 4.5
    expect(answers).to_have_count(3)

    # Escape closes the panel and gives the focus back to the launcher.
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(launcher).to_be_focused()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    assert_stayed_on_loopback(page)


def test_origin_outside_the_allow_list_gets_a_french_error_and_no_answer(page, site):
    from playwright.sync_api import expect

    failed: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.goto(site["refused"])
    launcher, dialog, box = widget_parts(page)
    expect(launcher).to_be_visible(timeout=WAIT_MS)
    assert launcher.bounding_box()["x"] < 100  # data-position="left"

    launcher.click()
    expect(dialog).to_be_visible()
    box.fill(SILICON)
    box.press("Enter")
    log = page.get_by_role("log", name="Conversation")
    expect(log.locator("[data-role='error']")).to_contain_text(
        "Ce site n'est pas autorisé à interroger le service Missions", timeout=WAIT_MS
    )
    expect(log.locator("[data-role='bot']")).to_have_count(0)
    expect(log).not_to_contain_text("quinzaine")
    assert f"{site['server']}/api/ask" in failed
    assert_stayed_on_loopback(page)


def test_a_server_gone_after_the_page_loaded_is_reported_as_unreachable(page, serve_app):
    from playwright.sync_api import expect

    with partner_pages(1) as (partner,):
        with serve_app(cors_origins=[partner.origin]) as server:
            partner.html = page_html(f"{server}/widget.js", title=TITLE)
            page.goto(partner.origin + "/")
            launcher, dialog, box = widget_parts(page)
            expect(launcher).to_be_visible(timeout=WAIT_MS)
        launcher.click()
        box.fill(SILICON)
        box.press("Enter")
        log = page.get_by_role("log", name="Conversation")
        expect(log.locator("[data-role='error']")).to_contain_text("injoignable", timeout=WAIT_MS)
        expect(log.locator("[data-role='bot']")).to_have_count(0)
    assert_stayed_on_loopback(page)


def test_server_refuses_the_preflight_of_an_unlisted_origin(site):
    import httpx

    def preflight(origin: str) -> httpx.Response:
        return httpx.options(
            f"{site['server']}/api/ask",
            headers={"Origin": origin, "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "authorization,content-type"},
        )  # fmt: skip

    allowed = site["allowed"].rstrip("/")
    assert preflight(allowed).headers.get("access-control-allow-origin") == allowed
    assert "access-control-allow-origin" not in preflight(site["refused"].rstrip("/")).headers
