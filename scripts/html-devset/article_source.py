"""An article source: header fields, then `---`, then the body in a small block language.

Body blocks are separated by blank lines:
  plain text                a paragraph (inline: [text](url), *em*, **strong**)
  ## / ### / #### text      a subheading (h2, h3, h4)
  - item / 1. item          an unordered / ordered list, one item a line
  > text                    a block quote, one paragraph a line
  !fig CAPTION || CREDIT    a figure; the caption is body text, the credit is not
  !pull TEXT                a pull quote repeating body text (not body text)
  !table CAPTION            then `| a | b |` rows, the first one the header
  !kp hN HEADING            a key-points box, then `- Label: detail` items
  !faq hN HEADING           a FAQ section, then `Q: ...` and `A: ...` lines
  !update HH:MM | TITLE     a live-blog update, then one paragraph a line
  !code                     then the lines of a code block
  !br                       then lines shown with <br>; a line `~` is a paragraph break (<br><br>)
  !ad / !related / !newsletter / !readmore TITLE
                            boilerplate inside the article body (not body text)
"""
import re
from dataclasses import dataclass, field

INLINE_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")


@dataclass
class Block:
    kind: str
    text: str = ""
    items: list = field(default_factory=list)
    level: int = 0
    extra: str = ""


@dataclass
class Article:
    name: str
    fields: dict
    blocks: list

    def get(self, key, default=""):
        return self.fields.get(key, default)

    def flag(self, feature):
        return feature in self.features

    @property
    def features(self):
        return {f.strip() for f in self.get("features").split(",") if f.strip()}

    @property
    def metadata_sources(self):
        return {f.strip() for f in self.get("meta").split(",") if f.strip()}

    @property
    def authors(self):
        return [a.strip() for a in self.get("authors").split(";") if a.strip()]

    @property
    def url(self):
        return "https://" + self.get("domain") + self.get("path", "/")


def parse(text, name):
    header, _, body = text.partition("\n---\n")
    fields = {}
    for line in header.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    blocks = []
    for chunk in re.split(r"\n\s*\n", body.strip("\n")):
        lines = chunk.split("\n")
        first = lines[0]
        if first.startswith("#"):
            hashes = len(first) - len(first.lstrip("#"))
            blocks.append(Block("heading", first[hashes:].strip(), level=hashes))
        elif first.startswith("- ") and all(l.startswith("- ") for l in lines):
            blocks.append(Block("ul", items=[l[2:].strip() for l in lines]))
        elif re.match(r"\d+\. ", first):
            blocks.append(Block("ol", items=[re.sub(r"^\d+\.\s*", "", l).strip() for l in lines]))
        elif first.startswith("> "):
            blocks.append(Block("quote", items=[l[2:].strip() for l in lines]))
        elif first.startswith("!fig "):
            caption, _, credit = first[5:].partition("||")
            blocks.append(Block("figure", caption.strip(), extra=credit.strip()))
        elif first.startswith("!pull "):
            blocks.append(Block("pull", first[6:].strip()))
        elif first.startswith("!table"):
            rows = [[c.strip() for c in l.strip().strip("|").split("|")] for l in lines[1:]]
            blocks.append(Block("table", first[6:].strip(), items=rows))
        elif first.startswith("!kp "):
            level, _, heading = first[4:].partition(" ")
            blocks.append(Block("keypoints", heading.strip(), items=[l[2:].strip() for l in lines[1:]],
                                level=int(level[1:])))
        elif first.startswith("!faq "):
            level, _, heading = first[5:].partition(" ")
            pairs, question = [], None
            for l in lines[1:]:
                if l.startswith("Q: "):
                    question = l[3:].strip()
                elif l.startswith("A: "):
                    pairs.append((question, l[3:].strip()))
            blocks.append(Block("faq", heading.strip(), items=pairs, level=int(level[1:])))
        elif first.startswith("!update "):
            time, _, title = first[8:].partition("|")
            blocks.append(Block("update", title.strip(), items=[l.strip() for l in lines[1:]], extra=time.strip()))
        elif first == "!code":
            blocks.append(Block("code", "\n".join(lines[1:])))
        elif first == "!br":
            blocks.append(Block("br", items=lines[1:]))
        elif first.startswith("!readmore "):
            blocks.append(Block("readmore", first[10:].strip()))
        elif first in ("!ad", "!related", "!newsletter"):
            blocks.append(Block(first[1:]))
        else:
            blocks.append(Block("p", " ".join(l.strip() for l in lines)))
    if "paywall" in fields.get("features", ""):  # only the teaser is on the page
        blocks = blocks[:int(fields.get("paywall_after", "3"))]
    return Article(name, fields, blocks)


def plain(text):
    """Inline markup removed: what a reader sees."""
    text = INLINE_LINK.sub(r"\1", text)
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"\*(.+?)\*", r"\1", text)
    return " ".join(text.split())


def br_paragraphs(lines):
    paragraphs, current = [], []
    for line in lines:
        if line.strip() == "~":
            if current:
                paragraphs.append(current)
            current = []
        else:
            current.append(line.strip())
    if current:
        paragraphs.append(current)
    return paragraphs


def body_lines(article):
    """The expected body, one block a line, in reading order, with the block kind of each line."""
    lines = []
    for block in article.blocks:
        k = block.kind
        if k == "p":
            lines.append(("paragraph", plain(block.text)))
        elif k == "heading":
            lines.append(("heading", plain(block.text)))
        elif k in ("ul", "ol"):
            lines += [("list", plain(item)) for item in block.items]
        elif k == "quote":
            lines += [("quote", plain(item)) for item in block.items]
        elif k == "figure":
            if block.text:
                lines.append(("caption", plain(block.text)))
        elif k == "table":
            if block.text:
                lines.append(("caption", plain(block.text)))
            lines += [("table-row", " | ".join(plain(c) for c in row)) for row in block.items]
        elif k == "keypoints":
            lines.append(("heading", plain(block.text)))
            lines += [("keypoint", plain(item)) for item in block.items]
        elif k == "faq":
            lines.append(("heading", plain(block.text)))
            for question, answer in block.items:
                lines += [("question", plain(question)), ("answer", plain(answer))]
        elif k == "update":
            lines.append(("heading", plain(block.text)))
            lines += [("paragraph", plain(p)) for p in block.items]
        elif k == "code":
            lines += [("code", line.rstrip()) for line in block.text.split("\n") if line.strip()]
        elif k == "br":
            lines += [("paragraph", plain(" ".join(p))) for p in br_paragraphs(block.items)]
    return lines


def expected_text(article):
    return "".join(text + "\n" for _, text in body_lines(article))


def role_of(heading):
    words = " ".join(re.findall(r"[^\W\d_]+|&", heading.lower()))
    roles = {"faq": {"frequently asked questions", "faq", "faqs", "questions and answers", "q&a",
                     "common questions", "your questions answered"},
             "key-points": {"key points", "key takeaways", "key facts", "at a glance", "highlights"},
             "summary": {"summary", "in summary", "summing up", "the bottom line", "bottom line"}}
    for role, known in roles.items():
        if words in known:
            return role
    return "body"


def outline(article):
    sections = [{"heading": None, "level": 0, "role": "lead", "passages": {}}]
    faq_count = 0
    key_points = []

    def count(kind, n=1):
        if n:
            passages = sections[-1]["passages"]
            passages[kind] = passages.get(kind, 0) + n

    def open_section(heading, level, role=None):
        sections.append({"heading": plain(heading), "level": level,
                         "role": role or role_of(plain(heading)), "passages": {}})

    for block in article.blocks:
        k = block.kind
        if k == "p":
            count("paragraph")
        elif k == "heading":
            open_section(block.text, block.level)
        elif k in ("ul", "ol"):
            count("list", len(block.items))
        elif k == "quote":
            count("quote", len(block.items))
        elif k == "figure":
            count("caption", 1 if block.text else 0)
        elif k == "table":
            count("caption", 1 if block.text else 0)
            count("table-row", len(block.items))
        elif k == "keypoints":
            open_section(block.text, block.level, "key-points")
            for item in block.items:
                label, sep, detail = plain(item).partition(": ")
                key_points.append({"label": label if sep else plain(item), "detail": detail if sep else ""})
        elif k == "faq":
            open_section(block.text, block.level, "faq")
            faq_count += len(block.items)
        elif k == "update":
            open_section(block.text, 3)
            count("paragraph", len(block.items))
        elif k == "code":
            count("code")
        elif k == "br":
            count("paragraph", len(br_paragraphs(block.items)))
    if not sections[0]["passages"]:
        sections.pop(0)
    for section in sections:
        section["passages"] = dict(sorted(section["passages"].items()))

    sources = article.metadata_sources
    structured = sources & {"jsonld", "og", "meta", "microdata"}
    dated = sources & {"jsonld", "og", "meta", "microdata", "time"}
    metadata = {
        "authors": article.authors if structured or "byline-meta" in sources else [],
        "published": article.get("published") or None if dated else None,
        "modified": article.get("modified") or None if dated else None,
        "site_name": article.get("site") if sources & {"jsonld", "og"} else None,
        "canonical_url": None if article.flag("nocanonical") else article.url,
        "language": article.get("lang") or None,
        "description": article.get("description") or None if sources & {"jsonld", "og", "meta"} else None,
    }
    return {
        "title": plain(article.get("title")),
        "sections": sections,
        "faq": faq_count,
        "key_points": key_points,
        "metadata": metadata,
    }
