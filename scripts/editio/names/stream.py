"""A TEI block as one string: the text the tagger searches, with a map back to the tree so that a found name
can be wrapped in place without changing a character.

A block is any element that is not inline markup (see data/elements.tsv); lb/pb/cb read as one space.
Its string holds its text and the text of its transparent descendants (supplied, ex, hi …); every child that
must not be searched or crossed (a date, a note, an existing name, a nested block) stands as one BREAK
character that no name form contains, so a name is found inside one block only, across inline markup but
never across a break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from editio.names.authority import TEI_NS
from editio.names.tables import element_roles

BREAK = "\x00"
PREFERRED_READINGS = ("corr", "reg", "expan")


def local(el: etree._Element) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None  # comment or processing instruction
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return name if ns == TEI_NS else None
    return tag


def role(el: etree._Element) -> str:
    name = local(el)
    if name is None:
        return "zero" if not isinstance(el.tag, str) else "block"
    r = element_roles().get(name, ("block", "-"))[0]
    if r == "reading":
        parent = el.getparent()
        if parent is None or local(parent) != "choice":
            return "transparent"
        return "transparent" if el is chosen_reading(parent) else "zero"
    return r


def kind_of(el: etree._Element) -> str:
    return element_roles().get(local(el) or "", ("block", "-"))[1]


def chosen_reading(choice: etree._Element) -> etree._Element | None:
    children = [c for c in choice if isinstance(c.tag, str)]
    for name in PREFERRED_READINGS:
        for c in children:
            if local(c) == name:
                return c
    return children[0] if children else None


@dataclass(slots=True)
class Stream:
    root: etree._Element
    text: str = ""
    spans: dict[etree._Element, tuple[int, int]] = field(default_factory=dict)
    # elements met in this block that are handled elsewhere: nested blocks and existing names
    blocks: list[etree._Element] = field(default_factory=list)
    names: list[etree._Element] = field(default_factory=list)

    def build(self) -> Stream:
        parts: list[str] = []
        pos = 0

        def add(s: str | None) -> None:
            nonlocal pos
            if s:
                parts.append(s)
                pos += len(s)

        def walk(el: etree._Element) -> None:
            start = pos
            add(el.text)
            for child in el:
                r = role(child)
                if r == "transparent":
                    walk(child)
                elif r == "zero":
                    self.spans[child] = (pos, pos)
                elif r == "space":  # a line or page break reads as a space; a name may run across it
                    self.spans[child] = (pos, pos + 1)
                    add(" ")
                else:
                    self.spans[child] = (pos, pos + 1)
                    add(BREAK)
                    if r == "name":
                        self.names.append(child)
                    elif r == "block":
                        self.blocks.append(child)
                add(child.tail)
            self.spans[el] = (start, pos)

        walk(self.root)
        self.text = "".join(parts)
        return self

    # -- wrapping ---------------------------------------------------------------------------------------

    def container(self, a: int, b: int) -> etree._Element | None:
        """The deepest element holding [a, b) whose children are each wholly inside or outside it.

        None when inline markup only partly overlaps the name (no well-formed wrapping exists).
        """
        el = self.root
        while True:
            if not self._clean(el, a, b):
                return None
            deeper = None
            for child in el:
                if child not in self.spans or role(child) != "transparent":
                    continue
                cs, ce = self.spans[child]
                if cs < ce and cs <= a and b <= ce and not ((cs, ce) == (a, b) and self._lifts(child)):
                    deeper = child
                    break
            if deeper is None:
                return el
            el = deeper

    def split_across(self, a: int, b: int, names: frozenset[str]) -> bool:
        """Split each element of `names` (data/edges.tsv: the editors' words) that holds text only and that
        [a, b) begins or ends inside, into two elements of its kind at that edge: "<supplied>Soviet Foreign
        Minister Vyacheslav M.</supplied> Molotov" → "<supplied>Soviet Foreign Minister </supplied><supplied>
        Vyacheslav M.</supplied> Molotov", so that the name can be wrapped. Text is unchanged. True when any was
        split."""
        done = False
        for el, (cs, ce) in list(self.spans.items()):
            if local(el) not in names or len(el) or not el.text or el is self.root:
                continue
            for at in (a, b):
                if cs < at < ce and (cs < a < ce) != (cs < b < ce):
                    k = at - cs
                    twin = etree.Element(el.tag, dict(el.attrib))
                    twin.text, twin.tail = el.text[k:], el.tail
                    el.text, el.tail = el.text[:k], None
                    el.addnext(twin)
                    self.spans[el], self.spans[twin] = (cs, at), (at, ce)
                    done = True
                    break
        return done

    def _lifts(self, el: etree._Element) -> bool:
        """A whole reading of a choice, or a whole choice, is wrapped from outside (the name is the choice)."""
        name = local(el)
        return name == "choice" or (name in ("corr", "reg", "expan", "sic", "orig", "abbr")
                                    and local(el.getparent()) == "choice")

    def _clean(self, el: etree._Element, a: int, b: int) -> bool:
        for child in el:
            cs, ce = self.spans.get(child, (None, None))
            if cs is None:
                continue
            if ce <= a or cs >= b or (a <= cs and ce <= b):
                continue
            if cs <= a and b <= ce and role(child) == "transparent":
                continue  # the match lies inside this child: we go deeper
            return False
        return True

    def slots(self, el: etree._Element) -> list[tuple[int, int]]:
        """Ranges of el.text (index -1) and of each child's tail (index i), in stream offsets."""
        cs, _ = self.spans[el]
        children = list(el)
        bounds = []
        start = cs + len(el.text or "")
        bounds.append((cs, start))
        for child in children:
            _, c_end = self.spans[child]
            tail_end = c_end + len(child.tail or "")
            bounds.append((c_end, tail_end))
        return bounds

    def wrap(self, el: etree._Element, a: int, b: int, wrapper: etree._Element) -> None:
        """Move the content [a, b) of `el` into `wrapper`, put `wrapper` in its place. Text is unchanged."""
        bounds = self.slots(el)
        s = max(i for i, (lo, _) in enumerate(bounds) if lo <= a)
        e = min(i for i, (lo, hi) in enumerate(bounds) if hi >= b and i >= s)
        children = list(el)

        def get(i: int) -> str:
            return (el.text if i == 0 else children[i - 1].tail) or ""

        def put(i: int, value: str) -> None:
            if i == 0:
                el.text = value or None
            else:
                children[i - 1].tail = value or None

        k1 = a - bounds[s][0]
        k2 = b - bounds[e][0]
        if s == e:
            text = get(s)
            put(s, text[:k1])
            wrapper.text = text[k1:k2] or None
            wrapper.tail = text[k2:] or None
        else:
            first, last = get(s), get(e)
            moved = children[s:e]  # children after slot s up to the one whose tail is slot e
            put(s, first[:k1])
            wrapper.text = first[k1:] or None
            wrapper.tail = last[k2:] or None
            for m in moved:
                wrapper.append(m)
            moved[-1].tail = last[:k2] or None
        el.insert(s, wrapper)
        self.spans[wrapper] = (a, b)
