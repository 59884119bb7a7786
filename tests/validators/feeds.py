#!/usr/bin/env python3
"""Every Atom feed of a built site parses with feedparser (PyPI) without a single error, and
says what a reader needs: a title, a link to the site, entries with a title, a link and a date.

usage: feeds.py SITE_DIR"""
import pathlib
import sys

import feedparser

site = pathlib.Path(sys.argv[1])
feeds = sorted(site.rglob("atom.xml"))
failures = []
entries = 0
for path in feeds:
    feed = feedparser.parse(path.read_bytes())
    name = path.relative_to(site)
    if feed.bozo:
        failures.append(f"{name}: {feed.bozo_exception}")
        continue
    if feed.version != "atom10":
        failures.append(f"{name}: read as {feed.version!r}, not Atom 1.0")
    if not feed.feed.get("title") or not feed.feed.get("link"):
        failures.append(f"{name}: no title or link")
    for entry in feed.entries:
        entries += 1
        if not entry.get("title") or not entry.get("link") or not entry.get("updated"):
            failures.append(f"{name}: entry {entry.get('id')!r} lacks a title, link or date")
if not feeds:
    failures.append("no atom.xml in the site")
for f in failures:
    print(f"feed: {f}", file=sys.stderr)
print(f"feeds: {len(feeds)} parsed, {entries} entries, {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
