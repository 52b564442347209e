"""Page markup by kind of site. Each theme wraps an article in the structure that kind of site uses
(class names, nesting, where the headline, byline and dates sit) and in its boilerplate."""
import html
import html.entities
import json
import random
import re

import boilerplate as bp
from article_source import INLINE_LINK, br_paragraphs, plain


class Page:
    def __init__(self, article):
        self.a = article
        self.rng = random.Random(article.name)
        self.lang = article.get("lang", "en")
        self.short = self.lang.split("-")[0].lower()
        self.labels = bp.pool(bp.LABELS, self.lang)
        self.site = article.get("site")
        self.domain = article.get("domain")
        self.entities = article.get("entities") == "named"

    # -- text
    def esc(self, text):
        out = html.escape(text, quote=False)
        if self.entities:
            out = "".join(self._entity(c) for c in out)
        return out

    def _entity(self, c):
        if ord(c) < 128:
            return c
        name = html.entities.codepoint2name.get(ord(c))
        return f"&{name};" if name and self.rng.random() < 0.6 else f"&#{ord(c)};"

    def attr(self, text):
        return html.escape(text, quote=True)

    def inline(self, text):
        parts, last = [], 0
        for m in INLINE_LINK.finditer(text):
            parts.append(self._emphasis(text[last:m.start()]))
            href = m.group(2) if m.group(2).startswith("http") else f"https://{self.domain}{m.group(2)}"
            parts.append(f'<a href="{self.attr(href)}">{self._emphasis(m.group(1))}</a>')
            last = m.end()
        parts.append(self._emphasis(text[last:]))
        return "".join(parts)

    def _emphasis(self, text):
        text = self.esc(text)
        text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
        return re.sub(r"\*(.+?)\*", r"<em>\1</em>", text)

    # -- draws
    def pick(self, table, n=None):
        items = bp.pool(table, self.lang) if isinstance(table, dict) else table
        if n is None:
            return self.rng.choice(items)
        return self.rng.sample(items, min(n, len(items)))

    def slug(self, text):
        return re.sub(r"[^a-z0-9]+", "-", plain(text).lower()).strip("-")[:60] or "story"

    def link(self, text, cls=""):
        c = f' class="{cls}"' if cls else ""
        return f'<a{c} href="https://{self.domain}/{self.slug(text)}/">{self.esc(text)}</a>'

    def headlines(self, n):
        return self.pick(bp.RELATED, n)

    def date_text(self, iso):
        if not iso:
            return ""
        y, m, d = iso[:10].split("-")
        months = {"en": ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"],
                  "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                         "September", "Oktober", "November", "Dezember"],
                  "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                         "septembre", "octobre", "novembre", "décembre"],
                  "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
                         "septiembre", "octubre", "noviembre", "diciembre"],
                  "ar": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
                         "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]}
        month = months.get(self.short, months["en"])[int(m) - 1]
        if self.short == "en":
            return f"{month} {int(d)}, {y}"
        if self.short == "de":
            return f"{int(d)}. {month} {y}"
        return f"{int(d)} {month} {y}"


# ------------------------------------------------------------------ head

def head(p, extra=""):
    a = p.a
    sources = a.metadata_sources
    out = []
    charset = a.get("charset", "utf-8")
    if a.get("charset_via") == "http-equiv":
        out.append(f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">')
    else:
        out.append(f'<meta charset="{charset}">')
    out.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    title = plain(a.get("title"))
    sep = p.rng.choice([" | ", " - ", " – ", " — ", " :: "])
    page_title = a.get("page_title") or (title + sep + p.site if p.site else title)
    out.append(f"<title>{p.esc(page_title)}</title>")
    description = a.get("description")
    if "meta" in sources or "og" in sources or "jsonld" in sources:
        if description:
            out.append(f'<meta name="description" content="{p.attr(description)}">')
    if "meta" in sources:
        for author in a.authors:
            out.append(f'<meta name="author" content="{p.attr(author)}">')
        if a.get("published"):
            out.append(f'<meta name="date" content="{a.get("published")}">')
        if a.get("modified"):
            out.append(f'<meta name="last-modified" content="{a.get("modified")}">')
        out.append(f'<meta name="keywords" content="{p.attr(", ".join(p.pick(bp.NAV, 4)))}">')
    if not a.flag("nocanonical"):
        out.append(f'<link rel="canonical" href="{a.url}">')
    if "og" in sources:
        out += [f'<meta property="og:type" content="article">',
                f'<meta property="og:title" content="{p.attr(title)}">',
                f'<meta property="og:url" content="{a.url}">',
                f'<meta property="og:site_name" content="{p.attr(p.site)}">',
                f'<meta property="og:image" content="https://{p.domain}/img/{p.slug(title)}-1200.jpg">']
        if description:
            out.append(f'<meta property="og:description" content="{p.attr(description)}">')
        if a.get("published"):
            out.append(f'<meta property="article:published_time" content="{a.get("published")}">')
        if a.get("modified"):
            out.append(f'<meta property="article:modified_time" content="{a.get("modified")}">')
        for author in a.authors:
            out.append(f'<meta property="article:author" content="{p.attr(author)}">')
        out.append(f'<meta property="article:section" content="{p.attr(a.get("section", "News"))}">')
        out += ['<meta name="twitter:card" content="summary_large_image">',
                f'<meta name="twitter:title" content="{p.attr(title)}">']
    if "jsonld" in sources:
        out.append(jsonld(p))
    out.append(f'<link rel="stylesheet" href="https://{p.domain}/assets/main.{p.rng.randrange(16**6):06x}.css">')
    out.append('<script async src="https://ads.example/tag.js"></script>')
    out.append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
               f"gtag('js',new Date());gtag('config','G-{p.rng.randrange(10**8)}');</script>")
    out.append("<style>.sr-only{position:absolute;width:1px;height:1px;overflow:hidden}"
               ".hidden{display:none}</style>")
    out.append(extra)
    return "\n".join(x for x in out if x)


def jsonld(p):
    a = p.a
    kind = a.get("jsonld_type", "NewsArticle")
    authors = [{"@type": "Person", "name": n, "url": f"https://{p.domain}/author/{p.slug(n)}/"} for n in a.authors]
    article = {"@context": "https://schema.org", "@type": kind, "headline": plain(a.get("title")),
               "mainEntityOfPage": {"@type": "WebPage", "@id": a.url}, "url": a.url,
               "image": [f"https://{p.domain}/img/{p.slug(a.get('title'))}-16x9.jpg"],
               "author": authors if len(authors) != 1 else authors[0],
               "publisher": {"@type": "Organization", "name": p.site,
                             "logo": {"@type": "ImageObject", "url": f"https://{p.domain}/logo.png"}},
               "inLanguage": a.get("lang")}
    if a.get("published"):
        article["datePublished"] = a.get("published")
    if a.get("modified"):
        article["dateModified"] = a.get("modified")
    if a.get("description"):
        article["description"] = a.get("description")
    if kind == "LiveBlogPosting":
        article["coverageStartTime"] = a.get("published")
    if a.get("jsonld_body") == "yes":
        article["articleBody"] = " ".join(plain(b.text) for b in a.blocks if b.kind == "p")[:600]
    graphs = [article]
    faq = [b for b in a.blocks if b.kind == "faq"]
    if faq and "faqpage" in a.metadata_sources:
        graphs.append({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
            {"@type": "Question", "name": plain(q), "acceptedAnswer": {"@type": "Answer", "text": plain(ans)}}
            for q, ans in faq[0].items]})
    graphs.append({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": f"https://{p.domain}/"},
        {"@type": "ListItem", "position": 2, "name": a.get("section", "News"),
         "item": f"https://{p.domain}/{p.slug(a.get('section', 'news'))}/"}]})
    if a.get("jsonld_style") == "graph":  # Yoast-style: one script with an @graph
        for g in graphs:
            g.pop("@context", None)
        data = {"@context": "https://schema.org", "@graph": graphs}
        return f'<script type="application/ld+json" class="yoast-schema-graph">{json.dumps(data, ensure_ascii=False)}</script>'
    return "\n".join(f'<script type="application/ld+json">{json.dumps(g, ensure_ascii=False, indent=1)}</script>'
                     for g in graphs)


# ------------------------------------------------------------------ shared pieces

def cookie_banner(p, style):
    title, text, buttons = p.pick(bp.COOKIE)
    btns = "".join(f'<button class="{style}-btn" type="button">{p.esc(b)}</button>' for b in buttons)
    if style == "onetrust":
        return (f'<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" class="otFlat" role="dialog" aria-label="{p.attr(title)}">'
                f'<div class="ot-sdk-container"><div class="ot-sdk-row"><div id="onetrust-group-container">'
                f'<div id="onetrust-policy"><h2 id="onetrust-policy-title">{p.esc(title)}</h2>'
                f'<div id="onetrust-policy-text">{p.esc(text)} <a href="/privacy">Privacy policy</a></div></div></div>'
                f'<div id="onetrust-button-group-parent"><div id="onetrust-button-group">{btns}</div></div></div></div></div></div>')
    return (f'<div class="cookie-notice" role="region" aria-label="cookie banner"><div class="cookie-notice__inner">'
            f'<p class="cookie-notice__title"><strong>{p.esc(title)}</strong></p><p>{p.esc(text)}</p>'
            f'<div class="cookie-notice__actions">{btns}</div></div></div>')


def share_bar(p, cls="share-bar"):
    items = "".join(f'<li><a class="{cls}__link" href="https://share.example/?u={p.a.url}" aria-label="{p.attr(s)}">'
                    f'<span class="sr-only">{p.esc(s)}</span></a></li>' for s in p.labels["share"])
    return f'<ul class="{cls}">{items}</ul>'


def nav(p, cls="site-nav", n=10):
    items = "".join(f'<li class="{cls}__item">{p.link(x)}</li>' for x in p.pick(bp.NAV, n))
    util = "".join(f'<li>{p.link(x)}</li>' for x in p.pick(bp.UTILITY, 4))
    return f'<nav class="{cls}" aria-label="Main"><ul class="{cls}__list">{items}</ul><ul class="{cls}__utility">{util}</ul></nav>'


def footer(p, cls="site-footer"):
    links = "".join(f"<li>{p.link(x)}</li>" for x in p.pick(bp.FOOTER, 7))
    sections = "".join(f"<li>{p.link(x)}</li>" for x in p.pick(bp.NAV, 8))
    copy = bp.pool(bp.COPYRIGHT, p.lang).format(year=(p.a.get("published") or "2024")[:4], site=p.site or p.domain)
    return (f'<footer class="{cls}"><div class="{cls}__sections"><h2 class="{cls}__heading">{p.esc(p.labels["more_from"])} {p.esc(p.site)}</h2>'
            f'<ul>{sections}</ul></div><ul class="{cls}__links">{links}</ul><p class="{cls}__copyright">{p.esc(copy)}</p></footer>')


def related_rail(p, cls="related", n=4, teasers=False):
    items = []
    for h, dek in zip(p.headlines(n), p.pick(bp.TEASER, n)):
        teaser = f'<p class="{cls}__dek">{p.esc(dek)}</p>' if teasers and p.short == "en" else ""
        items.append(f'<li class="{cls}__item"><article class="{cls}__card"><img src="https://{p.domain}/img/{p.slug(h)}-300.jpg" alt="">'
                     f'<h3 class="{cls}__title">{p.link(h)}</h3>{teaser}</article></li>')
    return f'<section class="{cls}" aria-label="related"><h2 class="{cls}__heading">{p.esc(p.labels["related"])}</h2><ul>{"".join(items)}</ul></section>'


def most_read(p, cls="most-read"):
    items = "".join(f'<li><span class="{cls}__rank">{i + 1}</span>{p.link(h)}</li>' for i, h in enumerate(p.headlines(5)))
    return f'<aside class="{cls}"><h2>{p.esc(p.labels["most_read"])}</h2><ol>{items}</ol></aside>'


def newsletter_box(p, cls="newsletter"):
    name, pitch = p.pick(bp.NEWSLETTER)
    return (f'<div class="{cls}"><p class="{cls}__name"><strong>{p.esc(name)}</strong></p><p class="{cls}__pitch">{p.esc(pitch)}</p>'
            f'<form action="/newsletters/subscribe" method="post"><input type="email" placeholder="you@example.com">'
            f'<button type="submit">{p.esc(p.labels["newsletter_button"])}</button></form></div>')


def comments_section(p, style="wp", n=5):
    people = p.pick(bp.COMMENT_AUTHORS, n)
    texts = p.pick(bp.COMMENTS, n)
    items = []
    for i, (who, text) in enumerate(zip(people, texts)):
        when = f"{p.rng.randrange(1, 23)} hours ago"
        if style == "wp":
            items.append(f'<li class="comment depth-1" id="comment-{1000 + i}"><article class="comment-body">'
                         f'<footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{p.esc(who)}</b> <span class="says">says:</span></div>'
                         f'<div class="comment-metadata"><time>{when}</time></div></footer>'
                         f'<div class="comment-content"><p>{p.esc(text)}</p></div>'
                         f'<div class="reply"><a class="comment-reply-link" href="#respond">Reply</a></div></article></li>')
        else:
            items.append(f'<div class="c-comment"><div class="c-comment__author">{p.esc(who)}</div><div class="c-comment__time">{when}</div>'
                         f'<div class="c-comment__text">{p.esc(text)}</div><button>Like</button> <button>Reply</button></div>')
    heading = f'{len(items)} {p.labels["comments"]}'
    if style == "wp":
        return (f'<div id="comments" class="comments-area"><h2 class="comments-title">{p.esc(heading)}</h2>'
                f'<ol class="comment-list">{"".join(items)}</ol><div id="respond" class="comment-respond">'
                f'<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p>'
                f'<textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div></div>')
    return f'<section class="comments" id="comments"><h2>{p.esc(p.labels["join"])}</h2>{"".join(items)}</section>'


def ad_slot(p, style="div"):
    n = p.rng.randrange(1, 99)
    if style == "amp":
        return f'<amp-ad width="300" height="250" type="doubleclick" data-slot="/1234/news/mid{n}"><div placeholder>{p.esc(p.labels["ad"])}</div></amp-ad>'
    label = p.esc(p.labels["ad"]) if p.rng.random() < 0.7 else p.esc(p.labels["continue"])
    return (f'<div class="ad-container ad-mid" data-ad-slot="mid-{n}"><p class="ad-label">{label}</p>'
            f'<div id="div-gpt-ad-{n}" style="min-height:250px"></div></div>')


def sponsored_widget(p):
    items = "".join(f'<li><a href="https://sponsor.example/{i}">{p.esc(t)}</a><span>Sponsored · Partner</span></li>'
                    for i, t in enumerate(["Doctors stunned by this simple trick for better sleep",
                                           "The one kitchen gadget everyone is talking about",
                                           "Homeowners are switching to this instead of solar"][:p.rng.randrange(2, 4)]))
    return f'<div class="OUTBRAIN" data-widget-id="AR_1"><h3>{p.esc(p.labels["recommended"])}</h3><ul>{items}</ul></div>'


# ------------------------------------------------------------------ body blocks

class Markup:
    """How a theme writes each kind of block; themes override what differs."""

    def __init__(self, page, **names):
        self.p = page
        self.n = {"p": "", "h": "", "figure": "", "caption": "", "credit": "credit", "quote": "",
                  "pull": "pullquote", "table": "", "kp": "key-takeaways", "faq": "faq", "update": "live-update",
                  "code": "", "readmore": "read-more"}
        self.n.update(names)

    def c(self, key):
        return f' class="{self.n[key]}"' if self.n.get(key) else ""

    def p_(self, b):
        return f"<p{self.c('p')}>{self.p.inline(b.text)}</p>"

    def heading(self, b):
        return f"<h{b.level}{self.c('h')}>{self.p.inline(b.text)}</h{b.level}>"

    def list_(self, b):
        tag = "ul" if b.kind == "ul" else "ol"
        return f"<{tag}>" + "".join(f"<li>{self.p.inline(i)}</li>" for i in b.items) + f"</{tag}>"

    def quote(self, b):
        return f"<blockquote{self.c('quote')}>" + "".join(f"<p>{self.p.inline(i)}</p>" for i in b.items) + "</blockquote>"

    def figure(self, b):
        p = self.p
        credit = f' <span class="{self.n["credit"]}">{p.esc(b.extra)}</span>' if b.extra else ""
        return (f'<figure{self.c("figure")}><img src="https://{p.domain}/img/{p.slug(b.text)}.jpg" alt="{p.attr(plain(b.text))}" loading="lazy">'
                f'<figcaption{self.c("caption")}>{p.inline(b.text)}{credit}</figcaption></figure>')

    def pull(self, b):
        return f'<aside class="{self.n["pull"]}"><p>{self.p.inline(b.text)}</p></aside>'

    def table(self, b):
        p = self.p
        caption = f"<caption>{p.inline(b.text)}</caption>" if b.text else ""
        head_row = "".join(f"<th>{p.inline(c)}</th>" for c in b.items[0])
        rows = "".join("<tr>" + "".join(f"<td>{p.inline(c)}</td>" for c in r) + "</tr>" for r in b.items[1:])
        return f'<table{self.c("table")}>{caption}<thead><tr>{head_row}</tr></thead><tbody>{rows}</tbody></table>'

    def keypoints(self, b):
        items = "".join(f"<li>{self.p.inline(i)}</li>" for i in b.items)
        return f'<div class="{self.n["kp"]}"><h{b.level}>{self.p.inline(b.text)}</h{b.level}><ul>{items}</ul></div>'

    def faq(self, b):
        qa = "".join(f'<div class="{self.n["faq"]}__item"><h{b.level + 1}>{self.p.inline(q)}</h{b.level + 1}><p>{self.p.inline(a)}</p></div>'
                     for q, a in b.items)
        return f'<section class="{self.n["faq"]}"><h{b.level}>{self.p.inline(b.text)}</h{b.level}>{qa}</section>'

    def update(self, b):
        p = self.p
        paras = "".join(f"<p>{p.inline(x)}</p>" for x in b.items)
        return (f'<article class="{self.n["update"]}"><header><time class="{self.n["update"]}__time">{p.esc(b.extra)}</time>'
                f'<h3>{p.inline(b.text)}</h3></header><div class="{self.n["update"]}__body">{paras}</div>'
                f'<div class="{self.n["update"]}__share"><a href="#">Share</a> <a href="#">Copy link</a></div></article>')

    def code(self, b):
        return f"<pre{self.c('code')}><code>{self.p.esc(b.text)}</code></pre>"

    def br(self, b):
        p = self.p
        chunks = ["<br>\n".join(p.inline(line) for line in para) for para in br_paragraphs(b.items)]
        return "<br><br>\n".join(chunks)

    def readmore(self, b):
        return f'<p class="{self.n["readmore"]}"><strong>{self.p.esc(self.p.labels["readmore"])}</strong> {self.p.link(b.text)}</p>'

    def related(self, b):
        return related_rail(self.p, "inline-related", 3)

    def newsletter(self, b):
        return newsletter_box(self.p, "inline-newsletter")

    def ad(self, b):
        return ad_slot(self.p)

    def render(self, blocks, ads_every=0, readmore=False):
        out, paragraphs = [], 0
        readmore_at = self.p.rng.randrange(2, 5) if readmore else -1
        for b in blocks:
            method = {"p": self.p_, "heading": self.heading, "ul": self.list_, "ol": self.list_,
                      "quote": self.quote, "figure": self.figure, "pull": self.pull, "table": self.table,
                      "keypoints": self.keypoints, "faq": self.faq, "update": self.update, "code": self.code,
                      "br": self.br, "readmore": self.readmore, "related": self.related,
                      "newsletter": self.newsletter, "ad": self.ad}[b.kind]
            out.append(method(b))
            if b.kind == "p":
                paragraphs += 1
                if ads_every and paragraphs % ads_every == 0:
                    out.append(self.ad(b))
                if paragraphs == readmore_at:
                    out.append(self.readmore(type(b)("readmore", self.p.headlines(1)[0])))
        return "\n".join(out)


def body_of(p, markup):
    a = p.a
    ads = p.rng.randrange(2, 4) if a.flag("ads") else 0
    return markup.render(a.blocks, ads_every=ads, readmore=a.flag("readmore"))


def byline_names(p, sep=", "):
    names = p.a.authors
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return sep.join(names[:-1]) + (" and " if p.short == "en" else " & ") + names[-1]


def time_tag(p, iso, cls="", label=""):
    if not iso:
        return ""
    c = f' class="{cls}"' if cls else ""
    machine = "time" in p.a.metadata_sources or "jsonld" in p.a.metadata_sources or "og" in p.a.metadata_sources
    if machine:
        return f'<time{c} datetime="{iso}">{p.esc(label)}{p.esc(p.date_text(iso))}</time>'
    return f'<span{c}>{p.esc(label)}{p.esc(p.date_text(iso))}</span>' if p.a.metadata_sources & {"meta", "microdata"} else ""


def document(p, head_html, body_html, html_attrs="", body_attrs=""):
    lang = p.a.get("lang")
    lang_attr = f' lang="{lang}"' if lang else ""
    rtl = ' dir="rtl"' if p.short in ("ar", "he", "fa", "ur") else ""
    text = (f"<!DOCTYPE html>\n<html{lang_attr}{rtl}{html_attrs}>\n<head>\n{head_html}\n</head>\n"
            f"<body{body_attrs}>\n{body_html}\n</body>\n</html>\n")
    return text


# ------------------------------------------------------------------ themes

def theme_wordpress(p):
    a = p.a
    m = Markup(p, figure="wp-block-image size-large", caption="wp-element-caption", quote="wp-block-quote",
               table="wp-block-table", pull="wp-block-pullquote")
    post_id = p.rng.randrange(1000, 99999)
    cats = "".join(f'<a href="/category/{p.slug(x)}/" rel="category tag">{p.esc(x)}</a>' for x in [a.get("section", "News")])
    byline = f'<span class="byline"> by <span class="author vcard"><a class="url fn n" href="/author/{p.slug(byline_names(p))}/">{p.esc(byline_names(p))}</a></span></span>' if a.authors else ""
    header = (f'<header class="entry-header"><div class="cat-links">{cats}</div><h1 class="entry-title">{p.inline(a.get("title"))}</h1>'
              + (f'<div class="newspack-post-subtitle">{p.inline(a.get("dek"))}</div>' if a.get("dek") else "")
              + f'<div class="entry-meta">{byline}<span class="posted-on">{time_tag(p, a.get("published"), "entry-date published")}'
              + (time_tag(p, a.get("modified"), "updated", " · " + p.labels["updated"] + " ") if a.get("modified") else "")
              + "</span></div></header>")
    share = f'<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>{share_bar(p, "sd-social")}</div>' if a.flag("share") else ""
    tags = f'<footer class="entry-footer"><span class="tags-links">Tagged: ' + ", ".join(p.link(x) for x in p.pick(bp.NAV, 3)) + "</span></footer>"
    bio = (f'<div class="author-bio"><h2 class="author-title">{p.esc(a.authors[0])}</h2><p class="author-description">{p.esc(a.authors[0])} {p.esc(p.labels["bio"])}</p>'
           f'<a class="author-link" href="/author/">More by this author</a></div>') if a.authors and p.rng.random() < 0.7 else ""
    article = (f'<article id="post-{post_id}" class="post-{post_id} post type-post status-publish format-standard has-post-thumbnail hentry category-{p.slug(a.get("section", "news"))}">'
               f'{header}<figure class="post-thumbnail"><img src="https://{p.domain}/wp-content/uploads/hero-{post_id}.jpg" alt=""></figure>'
               f'<div class="entry-content">\n{body_of(p, m)}\n{share}</div>{tags}{bio}</article>')
    nav_links = (f'<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links"><div class="nav-previous">{p.link(p.headlines(1)[0])}</div>'
                 f'<div class="nav-next">{p.link(p.headlines(1)[0])}</div></div></nav>')
    comments = comments_section(p, "wp", int(a.get("comments_count") or p.rng.randrange(3, 7))) if a.flag("comments") else ""
    related = f'<div class="jp-relatedposts">{related_rail(p, "jp-relatedposts-items", 3)}</div>' if a.flag("related") else ""
    sidebar = (f'<aside id="secondary" class="widget-area"><section class="widget widget_search"><form role="search"><input type="search" placeholder="Search …"></form></section>'
               f'<section class="widget widget_recent_entries"><h2 class="widget-title">Recent Posts</h2><ul>'
               + "".join(f"<li>{p.link(h)}</li>" for h in p.headlines(5)) + "</ul></section>"
               + f'<section class="widget widget_text"><div class="textwidget"><p>{p.esc(p.pick(bp.SUBSCRIBE))}</p></div></section></aside>')
    body = (f'<a class="skip-link screen-reader-text" href="#content">{p.esc(p.labels["skip"])}</a>'
            + (cookie_banner(p, "cookie") if a.flag("cookie") else "")
            + f'<div id="page" class="site"><header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">{p.esc(p.site)}</a></p>'
            f'<p class="site-description">{p.esc(a.get("tagline", "Independent news since 1887"))}</p></div>{nav(p, "main-navigation")}</header>'
            f'<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">{article}{related}{nav_links}{comments}</main></div>'
            f'{sidebar}</div>{footer(p, "site-footer")}</div>')
    body_class = f' class="post-template-default single single-post postid-{post_id} single-format-standard"'
    return document(p, head(p, '<link rel="pingback" href="/xmlrpc.php">'), body, body_attrs=body_class)


def theme_arc(p):
    a = p.a
    m = Markup(p, p="c-paragraph", h="c-heading b-article-body__heading", figure="c-media-item", caption="c-media-item__caption",
               credit="c-media-item__credit", quote="c-blockquote", table="c-table")
    def arc_p(b):
        return f'<p class="c-paragraph" data-el="text" dir="null">{p.inline(b.text)}</p>'
    m.p_ = arc_p
    byline = "".join(f'<a class="c-byline__link" href="/people/{p.slug(n)}/">{p.esc(n)}</a>' for n in a.authors)
    paywall = ""
    blocks = a.blocks
    if a.flag("paywall"):
        cut = int(a.get("paywall_after", "2"))
        shown = [b for b in blocks][:cut]
        m_body = m.render(shown)
        paywall = (f'<div class="b-paywall" id="paywall-container"><div class="b-paywall__fade"></div><h2 class="b-paywall__title">{p.esc(p.pick(bp.SUBSCRIBE))}</h2>'
                   f'<ul class="b-paywall__offers"><li>Digital access — $1 for 6 months</li><li>All access — $4 a week</li></ul>'
                   f'<a class="b-paywall__cta" href="/subscribe/">{p.esc(p.pick(bp.UTILITY))}</a></div>')
    else:
        m_body = body_of(p, m)
    header = (f'<header class="b-article-header"><div class="c-overline">{p.link(a.get("section", "News"))}</div>'
              f'<h1 class="b-headline c-heading">{p.inline(a.get("title"))}</h1>'
              + (f'<h2 class="b-subheadline c-heading">{p.inline(a.get("dek"))}</h2>' if a.get("dek") else "")
              + f'<div class="b-byline c-byline">{p.esc(p.labels["by"])} {byline}</div>'
              f'<div class="b-date">{time_tag(p, a.get("published"), "c-date")}</div>'
              + (share_bar(p, "c-share") if a.flag("share") else "") + "</header>")
    article = (f'<article class="b-article-body" data-fusion-component="article-body">{m_body}</article>{paywall}')
    fusion = json.dumps({"globalContent": {"_id": p.slug(a.get("title")).upper()[:26], "type": "story",
                                           "headlines": {"basic": plain(a.get("title"))},
                                           "taxonomy": {"sections": [{"name": a.get("section", "News")}]}}})
    body = ((cookie_banner(p, "onetrust") if a.flag("cookie") else "")
            + f'<div id="fusion-app" class="layout-section wrapper"><div class="b-header-nav-chain">'
            f'<div class="b-header-nav-chain__top-layout"><a class="b-header-nav-chain__logo" href="/">{p.esc(p.site)}</a>{nav(p, "b-header-nav-chain__sections", 8)}</div></div>'
            + (f'<div class="b-alert-bar"><a href="/live/">{p.esc(p.headlines(1)[0])}</a></div>' if p.rng.random() < 0.5 else "")
            + f'<div class="b-right-rail-advanced"><div class="b-right-rail-advanced__main">{header}'
            f'<figure class="c-media-item b-lead-art"><img src="https://{p.domain}/resizer/lead.jpg" alt=""></figure>{article}'
            + (related_rail(p, "b-top-table-list", 4, teasers=True) if a.flag("related") else "")
            + f'</div><div class="b-right-rail-advanced__rail">{most_read(p, "b-numbered-list")}{ad_slot(p)}</div></div>'
            + (comments_section(p, "plain", 4) if a.flag("comments") else "")
            + f'{footer(p, "b-footer")}</div>'
            + f'<script id="fusion-metadata" type="application/javascript">window.Fusion=window.Fusion||{{}};Fusion.globalContent={fusion};</script>')
    return document(p, head(p), body)


def theme_chorus(p):
    a = p.a
    m = Markup(p, figure="e-image e-image--hero", caption="e-image__meta", credit="e-image__credit", quote="",
               pull="c-pull-quote", table="p-table")
    header = (f'<div class="c-entry-hero c-entry-hero--default"><div class="c-entry-hero__header-wrap">'
              f'<h1 class="c-page-title">{p.inline(a.get("title"))}</h1>'
              + (f'<h2 class="c-entry-summary p-dek">{p.inline(a.get("dek"))}</h2>' if a.get("dek") else "")
              + f'<div class="c-byline"><span class="c-byline__item"><span class="c-byline__author-name">{p.esc(byline_names(p))}</span></span>'
              f'<span class="c-byline__item">{time_tag(p, a.get("published"), "c-byline__item")}</span></div></div></div>')
    body = ((cookie_banner(p, "cookie") if a.flag("cookie") else "")
            + f'<div class="l-root l-reskin"><header class="l-header"><div class="c-global-header"><a class="c-global-header__logo" href="/">{p.esc(p.site)}</a>'
            + nav(p, "c-global-header__links", 9) + '</div></header>'
            + f'<main id="content" class="l-main-content"><article class="l-segment l-main-content"><div class="l-wrapper">{header}'
            + (f'<div class="c-social-buttons">{share_bar(p, "c-social-buttons__list")}</div>' if a.flag("share") else "")
            + f'<div class="l-col__main"><div class="c-entry-content ">\n{body_of(p, m)}\n</div>'
            + f'<div class="c-entry-group-labels"><ul class="c-entry-group-labels__list">' + "".join(f'<li class="c-entry-group-labels__item">{p.link(x)}</li>' for x in p.pick(bp.NAV, 4)) + "</ul></div>"
            + (f'<div class="c-compact-river">{related_rail(p, "c-compact-river__entry", 5, teasers=True)}</div>' if a.flag("related") else "")
            + f'</div><div class="l-col__sidebar">{most_read(p, "c-rock-list")}</div></div></article>'
            + (comments_section(p, "plain", 6) if a.flag("comments") else "")
            + f'</main>{footer(p, "c-footer")}</div>')
    return document(p, head(p), body, body_attrs=' class="entry_template_standard"')


def theme_brightspot(p):
    a = p.a
    m = Markup(p, figure="Figure", caption="Figure-caption", credit="Figure-credit", quote="Quote")
    def enhancement(inner):
        return f'<div class="Enhancement" data-align-center><div class="Enhancement-item">{inner}</div></div>'
    orig_figure, orig_related = m.figure, m.related
    m.figure = lambda b: enhancement(orig_figure(b))
    m.related = lambda b: enhancement(orig_related(b))
    m.ad = lambda b: f'<div class="GoogleDfpAd-wrapper"><ps-ad class="GoogleDfpAd" data-slot="incontent"><p class="Advertisement-label">{p.esc(p.labels["ad"])}</p></ps-ad></div>'
    header = (f'<div class="Page-headline"><div class="Page-breadcrumbs">{p.link(a.get("section", "News"))}</div>'
              f'<h1 class="Page-headline-title">{p.inline(a.get("title"))}</h1>'
              + (f'<div class="Page-subHeadline"><h2>{p.inline(a.get("dek"))}</h2></div>' if a.get("dek") else "")
              + f'<div class="Page-byline"><div class="Page-authors">{p.esc(p.labels["by"])} ' + " ".join(f'<a class="Link" href="/people/{p.slug(n)}">{p.esc(n)}</a>' for n in a.authors) + "</div>"
              f'<div class="Page-datePublished">{time_tag(p, a.get("published"))}</div></div></div>')
    body = ((cookie_banner(p, "onetrust") if a.flag("cookie") else "")
            + f'<ps-header class="Page-header"><div class="Page-header-bar"><a class="Page-header-logo" href="/">{p.esc(p.site)}</a>{nav(p, "Page-header-navigation", 7)}</div></ps-header>'
            + f'<main class="Page-main"><div class="Page-above">{header}</div><div class="Page-twoColumn"><div class="Page-oneColumn">'
            + f'<div class="Page-lead"><figure class="Figure"><img src="https://{p.domain}/dims4/lead.jpg" alt=""></figure></div>'
            + (share_bar(p, "ActionBar") if a.flag("share") else "")
            + f'<div class="RichTextArticleBody RichTextBody">\n{body_of(p, m)}\n</div>'
            + f'<div class="Page-tags"><span>{p.esc(p.labels["tags"])}</span>' + "".join(p.link(x, "Link") for x in p.pick(bp.NAV, 3)) + "</div>"
            + (newsletter_box(p, "NewsletterSignupDynamic") if a.flag("newsletter") else "")
            + f'</div><aside class="Page-aside">{most_read(p, "List")}{ad_slot(p)}</aside></div>'
            + (related_rail(p, "PromoList", 6, teasers=True) if a.flag("related") else "")
            + f'</main>{footer(p, "Page-footer")}')
    return document(p, head(p), body, body_attrs=' class="Page-body" data-content-type="article"')


def theme_medium(p):
    a = p.a
    m = Markup(p, p="pw-post-body-paragraph lc ld ib le b lf lg", h="ly lz ib bf ma mb", figure="mn mo mp",
               caption="nc fg nd mf me ne nf be b bf z dt", quote="nl nm nn", code="nq nr ns")
    def h(b):
        tag = "h2" if b.level == 2 else "h3"
        return f'<{tag} id="{p.rng.randrange(16**4):04x}" class="ly lz ib bf ma mb mc md me mf">{p.inline(b.text)}</{tag}>'
    m.heading = h
    author = a.authors[0] if a.authors else "Anonymous"
    header = (f'<div><h1 id="{p.rng.randrange(16**4):04x}" class="pw-post-title gs gt gu bf gv">{p.inline(a.get("title"))}</h1></div>'
              + (f'<h2 class="pw-subtitle-paragraph hq gz gu bf hr">{p.inline(a.get("dek"))}</h2>' if a.get("dek") else "")
              + f'<div class="speechify-ignore"><div class="bm"><a href="/@{p.slug(author)}"><img alt="{p.attr(author)}" src="https://miro.example/avatar.png"></a>'
              f'<div><span data-testid="authorName"><a href="/@{p.slug(author)}">{p.esc(author)}</a></span> · <button>Follow</button></div>'
              f'<div><span data-testid="storyReadTime">{p.rng.randrange(3, 14)} {p.esc(p.labels["minutes"])}</span> · {time_tag(p, a.get("published"))}</div></div>'
              f'<div class="claps"><button aria-label="clap">👏</button><span>{p.rng.randrange(20, 3000)}</span><button aria-label="responses">{p.rng.randrange(1, 60)}</button></div></div>')
    member = (f'<div class="member-banner"><p>Member-only story</p></div>' if a.flag("paywall") else "")
    body = (f'<div id="root"><div class="a b c"><div class="d e f g h i j k"><div class="bh bi bj"><div class="l"><a href="/" aria-label="Homepage">Medium</a>'
            f'<div class="search"><input role="combobox" placeholder="Search"></div><a href="/new-story">Write</a><a href="/m/signin">Sign in</a></div></div>'
            f'<article><div class="l"><div class="l"><section><div><div class="fr fs ft fu fv"></div><div class="ab ca"><div class="ch bg fw fx fy fz">'
            f'{member}{header}\n{body_of(p, m)}\n</div></div></div></section></div></div></article>'
            f'<div class="post-footer"><div class="tags">' + "".join(f'<a href="/tag/{p.slug(x)}"><div class="tag">{p.esc(x)}</div></a>' for x in p.pick(bp.NAV, 4))
            + f'</div><div class="written-by"><h2>Written by {p.esc(author)}</h2><p>{p.rng.randrange(100, 9000)} Followers</p><p>Writing about cities, water and the people who keep them running.</p></div>'
            + (f'<div class="responses"><h2>Responses ({p.rng.randrange(2, 30)})</h2>{comments_section(p, "plain", 3)}</div>' if a.flag("comments") else "")
            + f'<div class="more-from"><h2>More from {p.esc(author)}</h2>' + "".join(f'<div class="card"><h3>{p.link(x)}</h3><p>{p.esc(p.pick(bp.TEASER))}</p></div>' for x in p.headlines(3))
            + f'</div><div class="recommended"><h2>Recommended from Medium</h2>' + "".join(f'<div class="card"><h3>{p.link(x)}</h3></div>' for x in p.headlines(4))
            + '</div></div><div class="footer-links"><a href="/help">Help</a><a href="/status">Status</a><a href="/about">About</a><a href="/careers">Careers</a><a href="/privacy">Privacy</a><a href="/terms">Terms</a></div></div></div></div>'
            + '<script>window.__APOLLO_STATE__ = {"ROOT_QUERY":{"viewer":null}}</script>')
    return document(p, head(p), body)


def theme_substack(p):
    a = p.a
    m = Markup(p, figure="captioned-image-container", caption="image-caption", quote="", code="")
    def sub_cta(b):
        return (f'<p class="button-wrapper" data-attrs="{{&quot;url&quot;:&quot;/subscribe&quot;}}"><a class="button primary" href="/subscribe"><span>Subscribe now</span></a></p>')
    m.newsletter = sub_cta
    m.ad = lambda b: (f'<div class="subscription-widget-wrap"><div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta-caption">{p.esc(p.site)} is a reader-supported publication. To receive new posts and support my work, consider becoming a free or paid subscriber.</p></div>'
                      f'<form class="subscription-widget-subscribe"><input type="email" placeholder="Type your email…"><input type="submit" value="Subscribe"></form></div></div>')
    author = a.authors[0] if a.authors else p.site
    header = (f'<div class="post-header"><h1 class="post-title published">{p.inline(a.get("title"))}</h1>'
              + (f'<h3 class="subtitle">{p.inline(a.get("dek"))}</h3>' if a.get("dek") else "")
              + f'<div class="post-meta"><div class="profile-hover-card-target"><a href="/profile/{p.slug(author)}">{p.esc(author)}</a></div>'
              f'<div class="pencraft">{time_tag(p, a.get("published"))}</div></div>'
              f'<div class="post-ufi"><a class="like-button">❤ {p.rng.randrange(5, 900)}</a><a class="comment-button">💬 {p.rng.randrange(1, 120)}</a><a class="share-button">Share</a></div></div>')
    paywall = ""
    blocks = a.blocks
    if a.flag("paywall"):
        cut = int(a.get("paywall_after", "3"))
        content = m.render(blocks[:cut])
        paywall = (f'<div class="paywall"><h2 class="paywall-title">Keep reading with a 7-day free trial</h2>'
                   f'<p class="paywall-text">Subscribe to {p.esc(p.site)} to keep reading this post and get 7 days of free access to the full post archives.</p>'
                   f'<a class="button primary" href="/subscribe">Start trial</a><p>Already a paid subscriber? Sign in</p></div>')
    else:
        content = body_of(p, m)
    body = (f'<div id="entry"><div class="main-menu"><div class="topbar-content"><a class="navbar-title-link" href="/">{p.esc(p.site)}</a>'
            f'<button class="button primary">Subscribe</button><button class="button">Sign in</button></div></div>'
            f'<div class="container"><div class="single-post-container"><div class="single-post"><article class="typography newsletter-post post">{header}'
            f'<div class="available-content"><div class="body markup" dir="auto">\n{content}\n</div></div>{paywall}</article>'
            f'<div class="post-footer"><div class="post-ufi">❤ Like · 💬 Comment · Share</div></div>'
            + (f'<div class="comments-section"><h4>Discussion about this post</h4>{comments_section(p, "plain", 4)}</div>' if a.flag("comments") else "")
            + f'<div class="post-end-cta"><p>Ready for more?</p><form><input type="email"><button>Subscribe</button></form></div>'
            f'<div class="footer-wrap"><p>© {(a.get("published") or "2024")[:4]} {p.esc(author)}</p><a href="/privacy">Privacy</a> ∙ <a href="/tos">Terms</a> ∙ <a href="/notice">Collection notice</a>'
            f'<p>Substack is the home for great culture</p></div></div></div></div></div>'
            f'<script>window._preloads = JSON.parse("{{\\"isEU\\":false,\\"language\\":\\"en\\"}}")</script>')
    return document(p, head(p), body)


def theme_ghost(p):
    a = p.a
    m = Markup(p, figure="kg-card kg-image-card kg-card-hascaption", caption="", quote="", pull="kg-card kg-callout-card")
    m.related = lambda b: (f'<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://{p.domain}/{p.slug(p.headlines(1)[0])}/">'
                           f'<div class="kg-bookmark-content"><div class="kg-bookmark-title">{p.esc(p.headlines(1)[0])}</div>'
                           f'<div class="kg-bookmark-description">{p.esc(p.pick(bp.TEASER))}</div><div class="kg-bookmark-metadata"><span class="kg-bookmark-author">{p.esc(p.site)}</span></div></div></a></figure>')
    m.newsletter = lambda b: (f'<div class="kg-card kg-signup-card"><h2 class="kg-signup-card-heading">Sign up for {p.esc(p.site)}</h2>'
                              f'<p class="kg-signup-card-subheading">Occasional essays on small infrastructure. No spam.</p><form data-members-form><input type="email"><button>Subscribe</button></form></div>')
    header = (f'<header class="article-header gh-canvas"><div class="article-tag post-card-tags"><span class="post-card-primary-tag">{p.link(a.get("section", "Essays"))}</span></div>'
              f'<h1 class="article-title">{p.inline(a.get("title"))}</h1>'
              + (f'<p class="article-excerpt">{p.inline(a.get("dek"))}</p>' if a.get("dek") else "")
              + f'<div class="article-byline"><div class="article-byline-content"><ul class="author-list"><li class="author-list-item"><a href="/author/{p.slug(byline_names(p))}/" class="author-avatar"><img class="author-profile-image" src="/content/images/avatar.jpg" alt="{p.attr(byline_names(p))}"></a></li></ul>'
              f'<div class="article-byline-meta"><h4 class="author-name"><a href="/author/">{p.esc(byline_names(p))}</a></h4><div class="byline-meta-content">{time_tag(p, a.get("published"), "byline-meta-date")}'
              f'<span class="byline-reading-time"><span class="bull">•</span> {p.rng.randrange(3, 12)} min read</span></div></div></div></div></header>')
    body = (f'<div class="viewport"><header id="gh-head" class="gh-head outer"><div class="gh-head-inner inner"><div class="gh-head-brand"><a class="gh-head-logo" href="/">{p.esc(p.site)}</a></div>'
            f'{nav(p, "gh-head-menu", 5)}<div class="gh-head-actions"><a class="gh-head-button" href="#/portal/signup">Subscribe</a></div></div></header>'
            f'<div class="site-content"><main id="site-main" class="site-main"><article class="article post tag-essays">{header}'
            f'<section class="gh-content gh-canvas">\n{body_of(p, m)}\n</section></article>'
            f'<section class="footer-cta outer"><div class="inner"><h2 class="footer-cta-title">Sign up for more like this.</h2><a class="footer-cta-button" href="#/portal">Enter your email <span>Subscribe</span></a></div></section>'
            + (f'<section class="article-comments gh-canvas"><div id="ghost-comments-root"></div>{comments_section(p, "plain", 3)}</section>' if a.flag("comments") else "")
            + f'<aside class="read-more-wrap outer"><div class="read-more inner">' + "".join(f'<article class="post-card"><a class="post-card-image-link" href="#"><img src="/img.jpg" alt=""></a><div class="post-card-content"><h2 class="post-card-title">{p.link(h)}</h2><div class="post-card-excerpt">{p.esc(p.pick(bp.TEASER))}</div></div></article>' for h in p.headlines(3))
            + f'</div></aside></main></div><footer class="site-footer outer"><div class="inner"><section class="copyright"><a href="/">{p.esc(p.site)}</a> © {(a.get("published") or "2024")[:4]}</section>'
            f'<nav class="site-footer-nav"><ul class="nav"><li><a href="/about/">About</a></li><li><a href="/rss/">RSS</a></li></ul></nav><div class="gh-powered-by"><a href="https://ghost.org/">Powered by Ghost</a></div></div></footer></div>')
    return document(p, head(p, '<meta name="generator" content="Ghost 5.80">'), body, body_attrs=' class="post-template tag-essays"')


def theme_drupal(p):
    a = p.a
    m = Markup(p, figure="media media--type-image", caption="field--name-field-caption", quote="", table="cols-3")
    contact = a.get("contact")
    breadcrumb = "".join(f'<li class="breadcrumb__item">{p.link(x)}</li>' for x in ["Home", a.get("section", "News")])
    body = ((cookie_banner(p, "cookie") if a.flag("cookie") else "")
            + f'<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas><div class="layout-container">'
            f'<header role="banner" class="region region-header"><div id="block-sitebranding" class="block block-system block-system-branding-block"><a href="/" rel="home">{p.esc(p.site)}</a></div>'
            f'<div class="region region-primary-menu">{nav(p, "menu--main", 8)}</div></header>'
            f'<div class="region region-breadcrumb"><nav class="breadcrumb" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2><ol>{breadcrumb}</ol></nav></div>'
            f'<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content"><div class="region region-content">'
            f'<div data-drupal-messages-fallback class="hidden"></div>'
            f'<div id="block-pagetitle" class="block block-core block-page-title-block"><h1 class="page-title"><span class="field field--name-title field--type-string field--label-hidden">{p.inline(a.get("title"))}</span></h1></div>'
            f'<article role="article" class="node node--type-news node--promoted node--view-mode-full"><div class="node__meta">'
            + (f'<div class="field field--name-field-date field--type-datetime field--label-hidden field__item">{time_tag(p, a.get("published"), "datetime")}</div>')
            + f'</div><div class="node__content clearfix">'
            + (f'<div class="field field--name-field-summary field--type-string-long">{p.inline(a.get("dek"))}</div>' if a.get("dek") else "")
            + f'<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">\n{body_of(p, m)}\n</div>'
            + (f'<div class="field field--name-field-media-contact field--label-above"><div class="field__label">Media contact</div><div class="field__item"><p>{p.esc(contact)}</p></div></div>' if contact else "")
            + f'<div class="field field--name-field-tags field--type-entity-reference field--label-above"><div class="field__label">{p.esc(p.labels["tags"])}</div><div class="field__items">'
            + "".join(f'<div class="field__item">{p.link(x)}</div>' for x in p.pick(bp.NAV, 3)) + '</div></div></div></article>'
            + (f'<div class="views-element-container block block-views block-views-blockrelated-news-block-1"><h2>{p.esc(p.labels["related"])}</h2><div class="view-content">'
               + "".join(f'<div class="views-row"><span class="views-field views-field-title">{p.link(h)}</span><span class="views-field views-field-created">{p.esc(p.date_text(a.get("published") or "2024-01-01"))}</span></div>' for h in p.headlines(4)) + "</div></div>" if a.flag("related") else "")
            + f'</div></div><aside class="layout-sidebar-first" role="complementary"><div class="region region-sidebar-first"><div class="block block-menu"><h2>In this section</h2><ul class="menu">'
            + "".join(f'<li class="menu-item">{p.link(x)}</li>' for x in ["Press releases", "Speeches", "Public notices", "Media enquiries", "Photo library"]) + '</ul></div></div></aside></main>'
            + f'{footer(p, "site-footer region region-footer")}</div></div>'
            + '<script type="application/json" data-drupal-selector="drupal-settings-json">{"path":{"baseUrl":"\\/","currentLanguage":"en"},"ajaxTrustedUrl":[]}</script>')
    return document(p, head(p, '<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">'), body, body_attrs=' class="path-node page-node-type-news"')


def theme_gov(p):
    a = p.a
    m = Markup(p, quote="usa-prose", table="usa-table")
    body = (f'<a class="usa-skipnav" href="#main-content">{p.esc(p.labels["skip"])}</a>'
            f'<section class="usa-banner" aria-label="Official website"><div class="usa-accordion"><header class="usa-banner__header"><div class="usa-banner__inner">'
            f'<p class="usa-banner__header-text">An official website of the {p.esc(a.get("government", "State of Westmarch"))}</p><button class="usa-banner__button"><span class="usa-banner__button-text">Here’s how you know</span></button></div></header>'
            f'<div class="usa-banner__content" id="gov-banner" hidden><div class="usa-banner__guidance"><p><strong>Official websites use .gov</strong><br>A .gov website belongs to an official government organization.</p></div>'
            f'<div class="usa-banner__guidance"><p><strong>Secure .gov websites use HTTPS</strong><br>A lock or https:// means you’ve safely connected.</p></div></div></div></section>'
            f'<header class="usa-header usa-header--extended"><div class="usa-navbar"><div class="usa-logo"><em class="usa-logo__text"><a href="/">{p.esc(p.site)}</a></em></div><button class="usa-menu-btn">Menu</button></div>'
            f'{nav(p, "usa-nav", 7)}</header>'
            f'<main id="main-content"><div class="grid-container"><div class="grid-row grid-gap"><div class="desktop:grid-col-8">'
            f'<nav class="usa-breadcrumb"><ol class="usa-breadcrumb__list"><li class="usa-breadcrumb__list-item"><a href="/">Home</a></li><li class="usa-breadcrumb__list-item"><a href="/news/">Newsroom</a></li><li class="usa-breadcrumb__list-item"><a href="/news/releases/">Press Releases</a></li></ol></nav>'
            f'<p class="release-type">{p.esc(a.get("release_type", "Press Release"))}</p><h1>{p.inline(a.get("title"))}</h1>'
            f'<p class="release-date">For immediate release: {time_tag(p, a.get("published"))}</p>'
            f'<div class="usa-prose">\n{body_of(p, m)}\n</div>'
            + (f'<div class="media-contact"><h2>Media contact</h2><p>{p.esc(a.get("contact"))}</p></div>' if a.get("contact") else "")
            + f'<div class="page-actions"><a href="#" onclick="window.print()">Print</a> <a href="/news/releases/feed.xml">RSS</a></div>'
            f'</div><aside class="desktop:grid-col-4"><div class="usa-summary-box"><h3 class="usa-summary-box__heading">Quick links</h3><ul class="usa-list usa-list--unstyled">'
            + "".join(f"<li>{p.link(x)}</li>" for x in ["Apply for a permit", "Report a problem", "Public meetings", "Open data", "Contact the department"])
            + f'</ul></div><div class="usa-card"><h3>Latest releases</h3><ul>' + "".join(f"<li>{p.link(h)}</li>" for h in p.headlines(4)) + '</ul></div></aside></div></div></main>'
            f'<footer class="usa-footer"><div class="usa-footer__primary-section"><nav class="usa-footer__nav"><ul class="grid-row">' + "".join(f'<li class="usa-footer__primary-content">{p.link(x)}</li>' for x in ["About", "Accessibility", "FOIA", "No FEAR Act", "Privacy", "Inspector General"])
            + f'</ul></nav></div><div class="usa-footer__secondary-section"><p class="usa-footer__logo-heading">{p.esc(p.site)}</p><p>{p.esc(a.get("address", "200 Capitol Way, Westmarch"))}</p></div></footer>')
    return document(p, head(p), body)


def theme_university(p):
    a = p.a
    m = Markup(p, figure="news-figure", caption="news-figure__caption", quote="pull-quote--inline")
    contact = a.get("contact")
    body = ((cookie_banner(p, "cookie") if a.flag("cookie") else "")
            + f'<header class="uni-header"><div class="uni-header__top"><a class="uni-logo" href="/">{p.esc(p.site)}</a><ul class="uni-audience"><li><a href="/students">Current students</a></li><li><a href="/staff">Staff</a></li><li><a href="/alumni">Alumni</a></li><li><a href="/give">Give</a></li></ul></div>'
            f'<nav class="uni-nav"><ul><li><a href="/study">Study</a></li><li><a href="/research">Research</a></li><li><a href="/about">About</a></li><li><a href="/news">News</a></li><li><a href="/events">Events</a></li></ul></nav></header>'
            f'<div class="page-wrapper"><main class="news-article"><div class="news-article__header"><p class="news-article__category">{p.esc(a.get("section", "Research"))}</p>'
            f'<h1 class="news-article__title">{p.inline(a.get("title"))}</h1>'
            + (f'<p class="news-article__standfirst">{p.inline(a.get("dek"))}</p>' if a.get("dek") else "")
            + f'<p class="news-article__date">{time_tag(p, a.get("published"))}</p></div>'
            + f'<div class="news-article__body wysiwyg">\n{body_of(p, m)}\n</div>'
            + (f'<div class="news-article__contact"><h2>Media enquiries</h2><p>{p.esc(contact)}</p></div>' if contact else "")
            + f'<div class="news-article__share">{share_bar(p, "share")}</div></main>'
            f'<aside class="news-sidebar"><section class="news-sidebar__more"><h2>More news</h2><ul>' + "".join(f"<li>{p.link(h)}</li>" for h in p.headlines(4))
            + '</ul></section><section class="news-sidebar__events"><h2>Upcoming events</h2><ul><li><span class="event-date">12 Oct</span> <a href="/events/open-day">Undergraduate open day</a></li><li><span class="event-date">19 Oct</span> <a href="/events/lecture">Public lecture: water in a warming world</a></li></ul></section></aside></div>'
            + f'<footer class="uni-footer"><p>{p.esc(p.site)}, {p.esc(a.get("address", "Old College, Riverside"))}</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/accessibility">Accessibility</a></li><li><a href="/foi">Freedom of information</a></li></ul><p>Registered charity number SC000000</p></footer>')
    return document(p, head(p), body)


def theme_wiki(p):
    a = p.a
    m = Markup(p, figure="thumb tright", caption="thumbcaption", quote="", table="wikitable")
    def h(b):
        return (f'<div class="mw-heading mw-heading{b.level}"><h{b.level} id="{p.attr(plain(b.text).replace(" ", "_"))}">{p.inline(b.text)}</h{b.level}>'
                f'<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="?action=edit&amp;section=1" title="Edit section">edit</a><span class="mw-editsection-bracket">]</span></span></div>')
    m.heading = h
    def fig(b):
        return (f'<figure class="mw-default-size" typeof="mw:File/Thumb"><a href="/wiki/File:{p.slug(b.text)}.jpg" class="mw-file-description"><img src="/upload/{p.slug(b.text)}.jpg" class="mw-file-element" width="250"></a>'
                f'<figcaption>{p.inline(b.text)}</figcaption></figure>')
    m.figure = fig
    n_ref = [0]
    def para(b):
        n_ref[0] += 1
        ref = f'<sup id="cite_ref-{n_ref[0]}" class="reference"><a href="#cite_note-{n_ref[0]}">[{n_ref[0]}]</a></sup>' if n_ref[0] % 2 else ""
        return f"<p>{p.inline(b.text)}{ref}</p>"
    m.p_ = para
    infobox = a.get("infobox")
    infobox_html = ""
    if infobox:
        rows = "".join(f'<tr><th scope="row" class="infobox-label">{p.esc(k.strip())}</th><td class="infobox-data">{p.esc(v.strip())}</td></tr>'
                       for k, v in (pair.split("=") for pair in infobox.split(";")))
        infobox_html = f'<table class="infobox vcard"><tbody><tr><th colspan="2" class="infobox-above">{p.inline(a.get("title"))}</th></tr>{rows}</tbody></table>'
    refs = "".join(f'<li id="cite_note-{i}"><span class="mw-cite-backlink"><a href="#cite_ref-{i}">^</a></span> <span class="reference-text"><cite class="citation web">"{p.esc(h)}". <i>{p.esc(p.site)} Archive</i>. Retrieved 3 March 2024.</cite></span></li>'
                   for i, h in zip(range(1, n_ref[0] + 2, 2), p.headlines(8)))
    content = body_of(p, m)
    refs = "".join(f'<li id="cite_note-{i}"><span class="mw-cite-backlink"><a href="#cite_ref-{i}">^</a></span> <span class="reference-text"><cite class="citation web">"{p.esc(h)}". <i>Westmarch Gazette</i>. Retrieved 3 March 2024.</cite></span></li>'
                   for i, h in zip(range(1, n_ref[0] + 2, 2), p.headlines(8)))
    toc = "".join(f'<li class="vector-toc-list-item"><a href="#{p.attr(plain(b.text).replace(" ", "_"))}"><div class="vector-toc-text">{p.esc(plain(b.text))}</div></a></li>' for b in a.blocks if b.kind == "heading")
    body = (f'<div class="mw-page-container"><div class="vector-header-container"><header class="vector-header mw-header"><a href="/wiki/Main_Page" class="mw-logo"><span class="mw-logo-wordmark">{p.esc(p.site)}</span></a>'
            f'<div id="p-search"><form action="/w/index.php" id="searchform"><input type="search" name="search" placeholder="Search {p.esc(p.site)}"><input type="submit" value="Search"></form></div>'
            f'<nav class="vector-user-links"><a href="/wiki/Special:CreateAccount">Create account</a> <a href="/wiki/Special:UserLogin">Log in</a></nav></header></div>'
            f'<div class="mw-page-container-inner"><div class="vector-main-menu-container"><nav id="mw-panel-toc" class="vector-toc"><div class="vector-toc-title">Contents</div><ul class="vector-toc-contents"><li><a href="#">(Top)</a></li>{toc}</ul></nav>'
            f'<div id="p-navigation" class="vector-menu"><div class="vector-menu-heading">Navigation</div><ul><li><a href="/wiki/Main_Page">Main page</a></li><li><a href="/wiki/Portal:Contents">Contents</a></li><li><a href="/wiki/Special:Random">Random article</a></li><li><a href="/wiki/Help:Contents">Help</a></li></ul></div></div>'
            f'<div class="mw-content-container"><main id="content" class="mw-body"><header class="mw-body-header vector-page-titlebar"><h1 id="firstHeading" class="firstHeading mw-first-heading"><span class="mw-page-title-main">{p.inline(a.get("title"))}</span></h1></header>'
            f'<div class="vector-page-toolbar"><ul><li><a href="#">Article</a></li><li><a href="#">Talk</a></li><li><a href="#">Read</a></li><li><a href="#">Edit</a></li><li><a href="#">View history</a></li></ul></div>'
            f'<div id="bodyContent" class="vector-body"><div id="siteSub">From {p.esc(p.site)}, the free encyclopedia</div><div id="contentSub"></div>'
            f'<div id="mw-content-text" class="mw-body-content"><div class="mw-content-ltr mw-parser-output" lang="{p.lang}" dir="ltr">'
            f'<div role="note" class="hatnote navigation-not-searchable">This article is about the ferry crossing. For the village, see {p.link("Ardlow (village)")}.</div>'
            f'{infobox_html}\n{content}\n'
            f'<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div><div class="reflist"><ol class="references">{refs}</ol></div>'
            f'<div role="navigation" class="navbox"><table class="nowraplinks"><tr><th class="navbox-title">Ferries of the Westmarch coast</th></tr><tr><td class="navbox-list">'
            + " · ".join(p.link(x) for x in ["Ardlow Ferry", "Kell Sound Ferry", "Brannock Crossing", "Saltmere Link", "Old Quay Service"]) + '</td></tr></table></div></div></div>'
            f'<div id="catlinks" class="catlinks"><div id="mw-normal-catlinks" class="mw-normal-catlinks"><a href="/wiki/Help:Category">Categories</a>: <ul><li><a href="#">Ferries</a></li><li><a href="#">Transport in Westmarch</a></li><li><a href="#">1887 establishments</a></li></ul></div></div></div></main></div></div>'
            f'<footer id="footer" class="mw-footer"><ul id="footer-info"><li id="footer-info-lastmod"> This page was last edited on {p.esc(p.date_text(a.get("modified") or "2024-03-01"))}.</li><li id="footer-info-copyright">Text is available under the Creative Commons Attribution-ShareAlike License 4.0; additional terms may apply.</li></ul>'
            f'<ul id="footer-places"><li><a href="#">Privacy policy</a></li><li><a href="#">About {p.esc(p.site)}</a></li><li><a href="#">Disclaimers</a></li></ul></footer></div>')
    return document(p, head(p), body, html_attrs=' class="client-nojs vector-feature-toc-pinned-clientpref-1"', body_attrs=' class="skin-vector mediawiki ltr ns-0 page-Ardlow_Ferry"')


def theme_amp(p):
    a = p.a
    m = Markup(p, figure="amp-figure", caption="amp-caption")
    def fig(b):
        credit = f' <span class="credit">{p.esc(b.extra)}</span>' if b.extra else ""
        return (f'<figure class="amp-figure"><amp-img src="https://{p.domain}/img/{p.slug(b.text)}.jpg" width="1200" height="800" layout="responsive" alt="{p.attr(plain(b.text))}"></amp-img>'
                f'<figcaption class="amp-caption">{p.inline(b.text)}{credit}</figcaption></figure>')
    m.figure = fig
    m.ad = lambda b: ad_slot(p, "amp")
    boiler = ('<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;animation:-amp-start 8s steps(1,end) 0s 1 normal both}</style>'
              '<noscript><style amp-boilerplate>body{-webkit-animation:none;animation:none}</style></noscript>'
              '<script async src="https://cdn.ampproject.org/v0.js"></script>'
              '<script async custom-element="amp-ad" src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>'
              '<style amp-custom>.amp-caption{font-size:.8rem}.header{display:flex}</style>')
    sidebar = ('<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul>' + "".join(f"<li>{p.link(x)}</li>" for x in p.pick(bp.NAV, 10)) + "</ul></amp-sidebar>")
    body = (f'{sidebar}<header class="header"><button on="tap:sidebar.toggle" class="hamburger">☰</button><a href="https://{p.domain}/" class="logo">{p.esc(p.site)}</a></header>'
            + (f'<amp-consent id="consent" layout="nodisplay"><div class="consent-ui"><p>{p.esc(p.pick(bp.COOKIE)[1])}</p><button on="tap:consent.accept">Accept</button><button on="tap:consent.reject">Reject</button></div></amp-consent>' if a.flag("cookie") else "")
            + f'<main><article class="article"><header class="article-header"><span class="kicker">{p.esc(a.get("section", "News"))}</span><h1 class="headline">{p.inline(a.get("title"))}</h1>'
            + (f'<p class="standfirst">{p.inline(a.get("dek"))}</p>' if a.get("dek") else "")
            + f'<div class="byline">{p.esc(p.labels["by"])} {p.esc(byline_names(p))} · {time_tag(p, a.get("published"))}</div>'
            f'<amp-social-share type="twitter" width="40" height="40"></amp-social-share><amp-social-share type="facebook" width="40" height="40" data-param-app_id="1"></amp-social-share></header>'
            f'<div class="article-body">\n{body_of(p, m)}\n</div></article>'
            f'<amp-carousel height="300" layout="fixed-height" type="carousel" class="related">' + "".join(f'<div class="related-item"><amp-img src="/img/r{i}.jpg" width="200" height="120"></amp-img><p>{p.link(h)}</p></div>' for i, h in enumerate(p.headlines(4)))
            + f'</amp-carousel></main><footer class="amp-footer"><a href="{a.url}">View full site</a> · <a href="/privacy">Privacy</a><p>{p.esc(bp.pool(bp.COPYRIGHT, p.lang).format(year=(a.get("published") or "2024")[:4], site=p.site))}</p></footer>'
            '<amp-analytics type="googleanalytics"><script type="application/json">{"vars":{"account":"UA-0000-1"}}</script></amp-analytics>')
    return document(p, head(p, boiler), body, html_attrs=" ⚡")


def theme_legacy(p):
    """A 2000s page: tables for layout, font tags, <br><br> paragraphs, no semantic elements."""
    a = p.a
    m = Markup(p)
    m.p_ = lambda b: f'<font face="Verdana, Arial" size="2">{p.inline(b.text)}</font><br><br>'
    m.heading = lambda b: f'<font size="3"><b>{p.inline(b.text)}</b></font><br>'
    m.figure = lambda b: (f'<table align="right" width="200" cellpadding="4"><tr><td><img src="/images/{p.slug(b.text)}.jpg" width="200"><br>'
                          f'<font size="1"><i>{p.inline(b.text)}</i></font></td></tr></table>')
    m.ad = lambda b: f'<center><font size="1" color="#999999">{p.esc(p.labels["ad"])}</font><br><a href="http://ads.example/click?id={p.rng.randrange(9999)}"><img src="http://ads.example/banner468x60.gif" width="468" height="60" border="0"></a></center><br>'
    left = "".join(f'<tr><td class="navlink"><a href="/{p.slug(x)}.asp">{p.esc(x)}</a></td></tr>' for x in p.pick(bp.NAV, 12))
    byline = f'<font size="1">{p.esc(p.labels["by"])} {p.esc(byline_names(p))}<br>{time_tag(p, a.get("published"))}</font><br><br>' if a.authors else ""
    body = (f'<table width="780" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td colspan="3" bgcolor="#003366"><a href="/"><img src="/images/masthead.gif" alt="{p.attr(p.site)}" border="0"></a></td></tr>'
            f'<tr><td colspan="3" bgcolor="#cccccc"><font size="1">' + " | ".join(f'<a href="/{p.slug(x)}.asp">{p.esc(x)}</a>' for x in p.pick(bp.NAV, 8)) + "</font></td></tr>"
            f'<tr><td width="150" valign="top" bgcolor="#eeeeee"><table width="150">{left}</table><br><font size="1"><b>{p.esc(p.labels["most_read"])}</b><br>' + "<br>".join(p.link(h) for h in p.headlines(4)) + "</font></td>"
            f'<td width="470" valign="top"><font face="Georgia" size="5"><b>{p.inline(a.get("title"))}</b></font><br>{byline}\n{body_of(p, m)}\n'
            f'<font size="1"><a href="/print.asp?id={p.rng.randrange(99999)}">Printer-friendly version</a> | <a href="/email.asp">E-mail this story</a></font></td>'
            f'<td width="160" valign="top">{ad_slot(p)}<br><font size="1"><b>{p.esc(p.labels["related"])}</b><br>' + "<br>".join(p.link(h) for h in p.headlines(3)) + "</font></td></tr>"
            f'<tr><td colspan="3" align="center"><font size="1">{p.esc(bp.pool(bp.COPYRIGHT, p.lang).format(year=(a.get("published") or "2008")[:4], site=p.site))}<br>'
            + " | ".join(f'<a href="/{p.slug(x)}.asp">{p.esc(x)}</a>' for x in p.pick(bp.FOOTER, 5)) + '</font></td></tr></table>')
    text = (f'<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>\n<head>\n{head(p)}\n</head>\n'
            f'<body bgcolor="#ffffff" leftmargin="0" topmargin="0">\n{body}\n</body>\n</html>\n')
    if a.get("lang"):
        text = text.replace("<html>", f'<html lang="{a.get("lang")}">', 1)
    return text


def theme_blogger(p):
    a = p.a
    m = Markup(p, figure="tr-caption-container", caption="tr-caption")
    def fig(b):
        return (f'<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container"><tbody><tr><td><a href="https://blogger.example/img/{p.slug(b.text)}.jpg"><img border="0" src="https://blogger.example/img/s320/{p.slug(b.text)}.jpg"></a></td></tr>'
                f'<tr><td class="tr-caption">{p.inline(b.text)}</td></tr></tbody></table>')
    m.figure = fig
    archive = "".join(f'<li class="archivedate"><a class="toggle" href="#">►</a> <a class="post-count-link" href="/{y}/">{y}</a> <span class="post-count">({n})</span></li>'
                      for y, n in [("2024", p.rng.randrange(3, 30)), ("2023", p.rng.randrange(10, 60)), ("2022", p.rng.randrange(10, 60))])
    author = byline_names(p)
    body = (f'<div class="content"><div class="content-outer"><header><div class="header-outer"><div class="Header" id="Header1"><div id="header-inner"><div class="titlewrapper"><h1 class="title"><a href="/">{p.esc(p.site)}</a></h1></div>'
            f'<div class="descriptionwrapper"><p class="description"><span>{p.esc(a.get("tagline", "Notes from the allotment and beyond"))}</span></p></div></div></div></div></header>'
            f'<div class="main-outer"><div class="columns fauxcolumns"><div class="column-center-outer"><div class="main section" id="main"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">'
            f'<div class="date-outer"><h2 class="date-header"><span>{p.esc(p.date_text(a.get("published")))}</span></h2><div class="date-posts"><div class="post-outer">'
            f'<div class="post hentry uncustomized-post-template" itemprop="blogPost" itemscope itemtype="http://schema.org/BlogPosting">'
            f'<h3 class="post-title entry-title" itemprop="name">{p.inline(a.get("title"))}</h3><div class="post-header"><div class="post-header-line-1"></div></div>'
            f'<div class="post-body entry-content" id="post-body-{p.rng.randrange(10**9)}" itemprop="description articleBody">\n{body_of(p, m)}\n<div style="clear: both;"></div></div>'
            f'<div class="post-footer"><div class="post-footer-line post-footer-line-1"><span class="post-author vcard">Posted by <span class="fn" itemprop="author" itemscope itemtype="http://schema.org/Person"><span itemprop="name">{p.esc(author)}</span></span></span>'
            f' <span class="post-timestamp">at <a class="timestamp-link" href="{a.url}"><abbr class="published" itemprop="datePublished" title="{a.get("published")}">{p.esc(a.get("published", "")[11:16])}</abbr></a></span>'
            f' <span class="post-comment-link"><a class="comment-link" href="#comments">{p.rng.randrange(1, 15)} comments</a></span></div>'
            f'<div class="post-share-buttons goog-inline-block"><a class="goog-inline-block share-button sb-email" href="#" title="Email This"><span class="share-button-link-text">Email This</span></a><a class="share-button sb-blog" href="#" title="BlogThis!"><span class="share-button-link-text">BlogThis!</span></a></div>'
            f'<div class="post-footer-line post-footer-line-2"><span class="post-labels">Labels: ' + ", ".join(f'<a href="/search/label/{p.slug(x)}" rel="tag">{p.esc(x)}</a>' for x in ["allotment", "compost", "winter"]) + "</span></div></div></div>"
            + (f'<div class="comments" id="comments"><h4>{p.rng.randrange(3, 9)} comments:</h4><div id="comment-holder"><dl class="comments-block">'
               + "".join(f'<dt class="comment-author"><a href="#">{p.esc(w)}</a> said...</dt><dd class="comment-body"><p>{p.esc(t)}</p></dd><dd class="comment-footer"><span class="comment-timestamp">{p.rng.randrange(1, 28)} March 2024 at {p.rng.randrange(10, 23)}:{p.rng.randrange(10, 59)}</span></dd>'
                         for w, t in zip(p.pick(bp.COMMENT_AUTHORS, 4), p.pick(bp.COMMENTS, 4)))
               + '</dl></div><p class="comment-footer"><a href="#">Post a Comment</a></p></div>' if a.flag("comments") else "")
            + f'</div></div></div></div><div class="blog-pager" id="blog-pager"><span id="blog-pager-newer-link"><a class="blog-pager-newer-link" href="#">Newer Post</a></span><span id="blog-pager-older-link"><a class="blog-pager-older-link" href="#">Older Post</a></span><a class="home-link" href="/">Home</a></div>'
            f'<div class="post-feeds"><div class="feed-links">Subscribe to: <a class="feed-link" href="/feeds/posts/default" type="application/atom+xml">Post Comments (Atom)</a></div></div></div></div></div>'
            f'<div class="column-right-outer"><div class="sidebar section" id="sidebar-right-1"><div class="widget Profile" id="Profile1"><h2>About Me</h2><div class="widget-content"><dl class="profile-datablock"><dt class="profile-data"><a class="profile-name-link" href="#">{p.esc(author)}</a></dt>'
            f'<dd class="profile-textblock">Retired teacher, plot 14, and occasional jam maker. Writes about the soil, the weather and the neighbours.</dd></dl><a class="profile-link" href="#">View my complete profile</a></div></div>'
            f'<div class="widget BlogArchive" id="BlogArchive1"><h2>Blog Archive</h2><div class="widget-content"><div id="ArchiveList"><ul class="hierarchy">{archive}</ul></div></div></div>'
            f'<div class="widget PopularPosts" id="PopularPosts1"><h2>Popular Posts</h2><div class="widget-content popular-posts"><ul>' + "".join(f'<li><div class="item-title">{p.link(h)}</div><div class="item-snippet">{p.esc(p.pick(bp.TEASER))}</div></li>' for h in p.headlines(3))
            + '</ul></div></div></div></div></div></div>'
            f'<footer><div class="footer-outer"><div class="widget Attribution"><div class="widget-content">Simple theme. Powered by <a href="https://www.blogger.example">Blogger</a>.</div></div></div></footer></div></div>')
    return document(p, head(p), body, body_attrs=' class="loading variant-simplysimple"')


def theme_nextjs(p):
    a = p.a
    m = Markup(p, p="mb-6 text-lg leading-relaxed text-gray-800", h="mt-10 mb-4 font-serif text-2xl font-bold",
               figure="my-8", caption="mt-2 text-sm text-gray-500", quote="border-l-4 pl-4 italic")
    data = {"props": {"pageProps": {"article": {"title": plain(a.get("title")), "dek": plain(a.get("dek")),
            "body": [{"type": b.kind, "text": plain(b.text)} for b in a.blocks if b.kind in ("p", "heading")],
            "authors": a.authors, "publishedAt": a.get("published")}}}, "page": "/[section]/[slug]", "buildId": f"b{p.rng.randrange(10**6)}"}
    body = (f'<div id="__next"><div class="flex min-h-screen flex-col"><header class="sticky top-0 z-50 border-b bg-white"><div class="mx-auto flex max-w-7xl items-center justify-between px-4 py-3">'
            f'<a class="font-black tracking-tight text-xl" href="/">{p.esc(p.site)}</a>{nav(p, "hidden gap-6 md:flex", 7)}<button class="rounded bg-black px-3 py-1 text-white">{p.esc(p.labels["newsletter_button"])}</button></div></header>'
            + (f'<div role="dialog" class="fixed bottom-0 inset-x-0 z-50 bg-gray-900 p-4 text-white"><p class="text-sm">{p.esc(p.pick(bp.COOKIE)[1])}</p><div class="mt-2 flex gap-2"><button class="rounded bg-white px-3 text-black">OK</button></div></div>' if a.flag("cookie") else "")
            + f'<main class="flex-1"><div class="mx-auto max-w-3xl px-4 py-10"><div class="mb-2 text-xs font-semibold uppercase tracking-widest text-red-600">{p.esc(a.get("section", "Tech"))}</div>'
            f'<h1 class="font-serif text-4xl font-bold leading-tight md:text-5xl">{p.inline(a.get("title"))}</h1>'
            + (f'<p class="mt-4 text-xl text-gray-600">{p.inline(a.get("dek"))}</p>' if a.get("dek") else "")
            + f'<div class="mt-6 flex items-center gap-3 text-sm text-gray-500"><span class="font-medium text-gray-900">{p.esc(byline_names(p))}</span><span aria-hidden="true">·</span>{time_tag(p, a.get("published"))}'
            f'<button class="ml-auto flex items-center gap-1"><svg width="16" height="16" aria-hidden="true"><path d="M0 0h16v16H0z"/></svg>{p.esc(p.labels["listen"])}</button></div>'
            f'<div class="prose prose-lg mt-8">\n{body_of(p, m)}\n</div>'
            f'<div class="mt-12 rounded-xl bg-gray-50 p-6"><h2 class="font-bold">{p.esc(p.labels["recommended"])}</h2><div class="mt-4 grid gap-4 md:grid-cols-2">' + "".join(f'<a class="block rounded border p-4 hover:shadow" href="/{p.slug(h)}"><h3 class="font-semibold">{p.esc(h)}</h3><p class="text-sm text-gray-600">{p.esc(p.pick(bp.TEASER))}</p></a>' for h in p.headlines(4))
            + f'</div></div></div></main><footer class="border-t bg-gray-50 py-8 text-sm text-gray-500"><div class="mx-auto max-w-7xl px-4">{footer(p, "grid gap-4")}</div></footer></div></div>'
            f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data, ensure_ascii=False)}</script>')
    return document(p, head(p, '<meta name="next-head-count" content="24">'), body)


def theme_liveblog(p):
    a = p.a
    m = Markup(p, update="live-post")
    pinned = a.get("pinned")
    body = ((cookie_banner(p, "onetrust") if a.flag("cookie") else "")
            + f'<header class="masthead"><a class="masthead__logo" href="/">{p.esc(p.site)}</a>{nav(p, "masthead__nav", 9)}</header>'
            f'<main class="live-page"><div class="live-header"><span class="live-badge" aria-label="live">● LIVE</span><h1 class="live-header__title">{p.inline(a.get("title"))}</h1>'
            + (f'<div class="live-header__standfirst"><p>{p.inline(a.get("dek"))}</p></div>' if a.get("dek") else "")
            + f'<div class="live-header__meta">{p.esc(byline_names(p))} · {time_tag(p, a.get("published"), "live-header__started")}'
            + (f' · {p.esc(p.labels["updated"])} {time_tag(p, a.get("modified"), "live-header__updated")}' if a.get("modified") else "")
            + f'</div>{share_bar(p, "live-share")}</div>'
            f'<div class="live-layout"><aside class="live-keyevents"><h2>Key events</h2><ul>' + "".join(f'<li><a href="#p{i}">{p.esc(b.extra)} {p.esc(plain(b.text))}</a></li>' for i, b in enumerate(a.blocks) if b.kind == "update")
            + f'</ul><button class="live-keyevents__toggle">Show key events only</button></aside>'
            f'<div class="live-feed" data-live-feed><div class="live-feed__toolbar"><button>Newest first</button><button>Oldest first</button><span class="live-feed__refresh">Auto-update: on</span></div>\n{body_of(p, m)}\n'
            f'<div class="live-feed__pagination"><a href="?page=2">Older updates</a></div></div></div></main>{footer(p, "site-footer")}')
    return document(p, head(p), body)


def theme_wire(p):
    a = p.a
    m = Markup(p, p="text__text__1FZLe text__dark-grey__3Ml43 body__full_width__ekUdw", h="heading__base__2T28j")
    body = (f'<div id="root"><header class="site-header__container__1sUFE"><a class="site-header__logo" href="/">{p.esc(p.site)}</a>{nav(p, "site-header__nav", 8)}</header>'
            f'<main id="main-content" class="regular-article-layout__main__1tvl-"><article class="article__container__2hD1q"><header class="article-header__container__3ELFO">'
            f'<nav class="article-header__tags"><a href="/world/">{p.esc(a.get("section", "World"))}</a></nav>'
            f'<h1 data-testid="Heading" class="text__heading_3__1kDhc">{p.inline(a.get("title"))}</h1>'
            f'<div class="article-header__dateline-container"><div class="info-content__author-date__1Epi_"><div class="article-byline__container">By ' + " and ".join(f'<a href="/authors/{p.slug(n)}/">{p.esc(n)}</a>' for n in a.authors)
            + f'</div>{time_tag(p, a.get("published"), "date-line__date__23Ge-")}</div></div>'
            f'<div class="article-header__toolbar">{share_bar(p, "share-button__container")}<span class="article-header__read-time">{p.rng.randrange(2, 5)} minute read</span></div></header>'
            f'<div class="article-body__container__3ypuX"><div class="article-body__content__17Yit">\n{body_of(p, m)}\n</div>'
            f'<p class="sign-off">{p.esc(a.get("signoff", ""))}</p>'
            f'<div class="trust-badge"><a href="/about/trust-principles/">Our Standards: The Trust Principles.</a></div></div></article>'
            f'<div class="read-next-panel"><h2>Read Next</h2><ul>' + "".join(f"<li>{p.link(h)}</li>" for h in p.headlines(5))
            + f'</ul></div></main>{footer(p, "site-footer")}</div>')
    return document(p, head(p), body)


def theme_quotidien(p):
    """A French daily: article__content, 'Lire aussi' inline links, subscriber paywall."""
    a = p.a
    m = Markup(p, p="article__paragraph", h="article__sub-title", figure="article__media", caption="article__legend",
               credit="article__credit", quote="article__quote", readmore="article__siblings")
    def readmore(b):
        return (f'<section class="catcher catcher--inline"><span class="catcher__title">{p.esc(p.labels["readmore"])}</span>'
                f'<a class="catcher__link" href="https://{p.domain}/{p.slug(b.text)}.html">{p.esc(b.text)}</a></section>')
    m.readmore = readmore
    content = body_of(p, m)
    paywall = ""
    if a.flag("paywall"):
        cut = int(a.get("paywall_after", "3"))
        content = m.render(a.blocks[:cut])
        paywall = (f'<section class="paywall"><p class="paywall__title">{p.esc(p.pick(bp.SUBSCRIBE))}</p>'
                   f'<p class="paywall__subtitle">Il vous reste 82 % de cet article à lire. La suite est réservée aux abonnés.</p>'
                   f'<a class="paywall__link" href="/abonnement">S’abonner</a></section>')
    body = ((cookie_banner(p, "onetrust") if a.flag("cookie") else "")
            + f'<header class="Header"><a class="Header__logo" href="/">{p.esc(p.site)}</a>{nav(p, "Nav", 10)}</header>'
            f'<main id="habillagepub"><section class="zone zone--article"><header class="article__header"><ul class="breadcrumb"><li>{p.link(a.get("section", "Société"))}</li></ul>'
            f'<h1 class="article__title">{p.inline(a.get("title"))}</h1>'
            + (f'<p class="article__desc">{p.inline(a.get("dek"))}</p>' if a.get("dek") else "")
            + f'<section class="meta meta__publisher"><span class="meta__date">Publié le {time_tag(p, a.get("published"))}</span>'
            + (f'<span class="meta__date meta__date--update">, modifié le {time_tag(p, a.get("modified"))}</span>' if a.get("modified") else "")
            + f'<span class="meta__reading-time"> · Lecture {p.rng.randrange(2, 9)} min.</span></section>'
            f'<span class="author__detail"><a class="article__author-link" href="/signataires/{p.slug(byline_names(p))}/">{p.esc(byline_names(p))}</a></span></header>'
            f'<article class="article__content old__article-content-single">\n{content}\n</article>{paywall}'
            + (f'<section class="article__reactions"><h2>{p.esc(p.labels["comments"])}</h2>{comments_section(p, "plain", 3)}</section>' if a.flag("comments") else "")
            + f'<section class="services"><h2>Services</h2><ul><li><a href="#">Codes promo</a></li><li><a href="#">Mots croisés</a></li><li><a href="#">Formation</a></li></ul></section></section>'
            f'<aside class="aside__iso">{most_read(p, "aside__most")}</aside></main>{footer(p, "Footer")}')
    return document(p, head(p), body)


def theme_portal(p):
    """A German news portal: teaser-heavy, 'Anzeige' slots, forum link, 'Mehr zum Thema'."""
    a = p.a
    m = Markup(p, h="a-headline", figure="a-figure", caption="a-caption", credit="a-caption__source", quote="a-quote")
    m.ad = lambda b: f'<div class="ad-ldb-row"><div class="ad-label">{p.esc(p.labels["ad"])}</div><div class="ad ad--mrec" id="mrec_{p.rng.randrange(99)}"></div></div>'
    body = ((cookie_banner(p, "cookie") if a.flag("cookie") else "")
            + f'<div class="page"><header class="header"><a class="header__logo" href="/">{p.esc(p.site)}</a>{nav(p, "header__nav", 12)}'
            f'<div class="header__ticker"><span>Newsticker</span>' + "".join(f'<a href="#">{p.esc(h)}</a>' for h in p.headlines(3)) + '</div></header>'
            f'<main class="main"><article class="article" data-component="Article"><header class="a-article-header"><p class="a-article-header__kicker">{p.esc(a.get("section", "Wissen"))}</p>'
            f'<h1 class="a-article-header__title">{p.inline(a.get("title"))}</h1>'
            + (f'<p class="a-article-header__lead">{p.inline(a.get("dek"))}</p>' if a.get("dek") else "")
            + f'<div class="a-article-header__meta"><span class="a-creator">{p.esc(p.labels["by"])} {p.esc(byline_names(p))}</span> {time_tag(p, a.get("published"), "a-datetime")}</div>'
            f'<a class="a-article-header__comments" href="#forum">{p.rng.randrange(5, 400)} Kommentare lesen</a></header>'
            + (f'<div class="article-share">{share_bar(p, "shariff")}</div>' if a.flag("share") else "")
            + f'<div class="article-content">\n{body_of(p, m)}\n</div>'
            f'<footer class="article-footer"><p class="article-footer__author">({p.esc("".join(w[0] for w in byline_names(p).split()[:2]).lower() or "red")})</p></footer></article>'
            + (f'<section class="article-related"><h2>{p.esc(p.labels["related"])}</h2>' + "".join(f'<article class="a-article-teaser"><h3>{p.link(h)}</h3></article>' for h in p.headlines(4)) + "</section>" if a.flag("related") else "")
            + f'<section id="forum" class="forum-teaser"><h2>Forum</h2><p>Diskutieren Sie mit anderen Lesern über diesen Artikel.</p>'
            + "".join(f'<div class="forum-post"><span class="forum-post__user">{p.esc(w)}</span><p>{p.esc(t)}</p></div>' for w, t in zip(p.pick(bp.COMMENT_AUTHORS, 3), p.pick(bp.COMMENTS, 3)))
            + f'</section></main><aside class="sidebar">{most_read(p, "sidebar__popular")}</aside>{footer(p, "footer")}</div>')
    return document(p, head(p), body)


def theme_diario(p):
    """A Spanish daily: a_c article content, 'Más información', tags, newsletter, comments."""
    a = p.a
    m = Markup(p, figure="a_m", caption="a_m_p", credit="a_m_m", quote="a_q")
    m.related = lambda b: (f'<div class="w_rec"><h2 class="w_rec_t">{p.esc(p.labels["related"])}</h2>' + "".join(f'<article class="c c-d"><h2 class="c_t">{p.link(h)}</h2></article>' for h in p.headlines(2)) + "</div>")
    body = ((cookie_banner(p, "cookie") if a.flag("cookie") else "")
            + f'<header class="_g _g-md"><div class="ep_h"><a class="ep_l" href="/">{p.esc(p.site)}</a>{nav(p, "sm", 10)}<a class="ep_s" href="/suscripciones/">{p.esc(p.pick(bp.UTILITY))}</a></div></header>'
            f'<main id="main-content" class="_g _g-md"><article id="main-content-article" class="a _g _g-lg _g-o"><header class="a_e"><div class="a_k"><a class="a_k_n" href="/{p.slug(a.get("section", "sociedad"))}/">{p.esc(a.get("section", "Sociedad"))}</a></div>'
            f'<h1 class="a_t">{p.inline(a.get("title"))}</h1>'
            + (f'<h2 class="a_st">{p.inline(a.get("dek"))}</h2>' if a.get("dek") else "")
            + f'</header><div class="a_md"><div class="a_md_a"><a class="a_md_a_n" href="/autor/{p.slug(byline_names(p))}/">{p.esc(byline_names(p))}</a></div>'
            f'<div class="a_md_f">{time_tag(p, a.get("published"))}</div></div>'
            + (f'<div class="a_shr">{share_bar(p, "a_shr_l")}</div>' if a.flag("share") else "")
            + f'<div class="a_c clearfix" data-dtm-region="articulo_cuerpo">\n{body_of(p, m)}\n</div>'
            f'<div class="a_ft"><ul class="w_ta">' + "".join(f'<li><a href="/noticias/{p.slug(x)}/">{p.esc(x)}</a></li>' for x in p.pick(bp.NAV, 4)) + "</ul></div>"
            + (newsletter_box(p, "w_nl") if a.flag("newsletter") else "")
            + (f'<div class="a_com"><h2>{p.esc(p.labels["comments"])}</h2>{comments_section(p, "plain", 3)}</div>' if a.flag("comments") else "")
            + f'</article><aside class="_g">{most_read(p, "w_mv")}</aside></main>{footer(p, "ep_f")}')
    return document(p, head(p), body)


def theme_arabic(p):
    """An Arabic news site, right to left: wysiwyg article body, tag cloud, related cards."""
    a = p.a
    m = Markup(p, figure="article-featured-image", caption="article-featured-image__caption")
    body = ((cookie_banner(p, "cookie") if a.flag("cookie") else "")
            + f'<div class="site-header"><div class="site-header__logo"><a href="/">{p.esc(p.site)}</a></div>{nav(p, "menu", 10)}'
            f'<div class="breaking-news-ticker"><span>عاجل</span>' + "".join(f'<a href="#">{p.esc(h)}</a>' for h in p.headlines(2)) + '</div></div>'
            f'<main class="container"><div class="article-page"><header class="article-header"><div class="topics">{p.link(a.get("section", "أخبار"))}</div>'
            f'<h1>{p.inline(a.get("title"))}</h1>'
            + (f'<p class="article__subhead">{p.inline(a.get("dek"))}</p>' if a.get("dek") else "")
            + f'<div class="article-info"><span class="article-author-name">{p.esc(byline_names(p, "، "))}</span> <span class="date-simple">{time_tag(p, a.get("published"))}</span></div>'
            f'{share_bar(p, "article-share")}</header>'
            f'<div class="wysiwyg wysiwyg--all-content">\n{body_of(p, m)}\n</div>'
            f'<div class="article-tags"><span>{p.esc(p.labels["tags"])}</span>' + "".join(p.link(x) for x in p.pick(bp.NAV, 3)) + '</div>'
            f'<section class="more-on"><h2>{p.esc(p.labels["related"])}</h2>' + "".join(f'<article class="gc"><h3 class="gc__title">{p.link(h)}</h3></article>' for h in p.headlines(3))
            + f'</section></div></main>{footer(p, "site-footer")}')
    return document(p, head(p), body)


THEMES = {name[len("theme_"):]: f for name, f in globals().items() if name.startswith("theme_")}


def render(article):
    theme = THEMES[article.get("theme")]
    p = Page(article)
    text = theme(p)
    if article.flag("multipage"):
        pager = (f'<nav class="pagination" aria-label="pages"><span class="pagination__status">{p.esc(p.labels["page"])}</span>'
                 f'<span class="current">1</span> <a href="{article.url}?page=2">2</a> <a href="{article.url}?page=3">3</a> '
                 f'<a rel="next" class="pagination__next" href="{article.url}?page=2">{p.esc(p.labels["next"])} »</a></nav>')
        text = insert_after_body(text, pager, article)
    if article.flag("hidden"):
        hidden = ('<div hidden class="modal-template"><h2>Your session has expired</h2><p>Please sign in again to keep reading and to save articles to your reading list.</p></div>'
                  '<div style="display:none" class="print-only-notice"><p>This article was printed from the website and may not include all images and interactive elements.</p></div>'
                  '<noscript><p class="noscript-warning">Please enable JavaScript to view the comments and interactive graphics on this page.</p></noscript>'
                  '<template id="paywall-template"><div class="paywall"><p>Subscribe to keep reading this story and every other story on the site.</p></div></template>'
                  '<div aria-hidden="true" class="visually-duplicated-ticker"><span>Breaking: markets open higher</span></div>')
        text = insert_after_body(text, hidden, article)
    if article.flag("subscription"):
        banner = (f'<div class="subscription-banner" role="dialog" aria-modal="false"><div class="subscription-banner__text"><p><strong>{p.esc(p.pick(bp.SUBSCRIBE))}</strong></p>'
                  f'<p>{p.esc(p.pick(bp.SUBSCRIBE))}</p></div><a class="subscription-banner__cta" href="/subscribe">{p.esc(p.pick(bp.UTILITY))}</a><button class="subscription-banner__close" aria-label="close">×</button></div>')
        text = text.replace("</body>", banner + "\n</body>", 1)
    if article.flag("sponsored"):
        text = text.replace("</body>", sponsored_widget(p) + "\n</body>", 1)
    encoding = article.get("charset", "utf-8").lower()
    codec = {"windows-1252": "cp1252", "iso-8859-1": "latin-1", "iso-8859-15": "iso8859_15", "windows-1256": "cp1256"}.get(encoding, encoding)
    return text.encode(codec, errors="xmlcharrefreplace")


def insert_after_body(text, snippet, article):
    """Puts the snippet right after the article body's closing marker (or before </body>)."""
    marker = article.get("after_body_marker")
    if marker and marker in text:
        return text.replace(marker, marker + snippet, 1)
    return text.replace("</body>", snippet + "\n</body>", 1)
