"""Import a synthetic WordPress export and print items per second and peak resident memory.

    .venv/bin/python bench/wordpress_import.py               # 5 MB, reference 0.5 MB (a minute or two)
    .venv/bin/python bench/wordpress_import.py --full        # 200 MB, reference 20 MB (the issue's memory check)
    .venv/bin/python bench/wordpress_import.py --megabytes 50

Each run imports into a fresh SQLite database in a temporary folder, in its own process (`newsdesk import
wordpress`), so its peak RSS is measured alone (getrusage of the child). The reference run, a tenth of the
size, is made in the same invocation: with streaming, memory must stay about the same while the file grows
tenfold. The limit the issue sets for 200 MB is 300 MB resident.

The full run takes long on a shared machine (about 13,000 posts with 39,000 comments): start it in the
background (`nohup … > bench.log &`) and read the log; every line is flushed as soon as it is known, the
short reference run comes first, and CPU seconds are printed beside wall time because a loaded machine
stretches the latter.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWSDESK = ROOT / ".venv" / "bin" / "newsdesk"
WORDS = ["Lindra", "Pegel", "Gemeinderat", "Brücke", "Feuerwehr", "Sandsäcke", "Bürgermeisterin", "Kelmsbrück",
         "Umleitung", "Markt", "Schule", "Haushalt", "Radweg", "Sitzung", "Stadtwerke", "Bahnhof", "Verein",
         "Sommerfest", "Baustelle", "Bibliothek"]
LIMIT_MB = 300


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."


def write_export(path: Path, megabytes: float, seed: int = 7) -> int:
    """Posts of about 16 KB with three comments, categories and tags, every tenth with a (missing) image."""
    rng = random.Random(seed)
    target = int(megabytes * 1024 * 1024)
    ns = "http://wordpress.org/export/1.2/"
    items = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="{ns}excerpt/" '
                  'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                  f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">\n<channel>\n'
                  "<title>Synthetischer Bote</title><link>https://synth.example</link>\n"
                  "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://synth.example</wp:base_site_url>\n"
                  "<wp:author><wp:author_id>1</wp:author_id><wp:author_login>redaktion</wp:author_login>"
                  "<wp:author_email>redaktion@synth.example</wp:author_email>"
                  "<wp:author_display_name>Redaktion</wp:author_display_name></wp:author>\n")
        for n in range(20):
            out.write(f"<wp:category><wp:term_id>{n + 1}</wp:term_id><wp:category_nicename>rubrik-{n}"
                      f"</wp:category_nicename><wp:cat_name>Rubrik {n}</wp:cat_name></wp:category>\n")
        post_id = 100
        while out.tell() < target:
            post_id += 1
            day = f"20{10 + post_id % 14:02d}-{1 + post_id % 12:02d}-{1 + post_id % 28:02d}"
            paragraphs = "\n\n".join(" ".join(sentence(rng) for _ in range(6)) for _ in range(18))
            comments = "".join(
                f"<wp:comment><wp:comment_id>{post_id * 10 + c}</wp:comment_id>"
                f"<wp:comment_author>Leser {c}</wp:comment_author>"
                f"<wp:comment_author_email>leser{c}@synth.example</wp:comment_author_email>"
                f"<wp:comment_date>{day} 12:0{c}:00</wp:comment_date>"
                f"<wp:comment_date_gmt>{day} 10:0{c}:00</wp:comment_date_gmt>"
                f"<wp:comment_content><![CDATA[{sentence(rng)}]]></wp:comment_content>"
                f"<wp:comment_approved>{'1' if c else '0'}</wp:comment_approved><wp:comment_type>comment"
                f"</wp:comment_type><wp:comment_parent>{post_id * 10 if c == 2 else 0}</wp:comment_parent>"
                "</wp:comment>" for c in range(3))
            out.write(f"<item><title>{sentence(rng)[:90]}</title>"
                      f"<link>https://synth.example/{day.replace('-', '/')}/beitrag-{post_id}/</link>"
                      f"<guid isPermaLink=\"false\">https://synth.example/?p={post_id}</guid>"
                      "<dc:creator>redaktion</dc:creator>"
                      f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded>"
                      "<excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                      f"<wp:post_id>{post_id}</wp:post_id><wp:post_date>{day} 08:00:00</wp:post_date>"
                      f"<wp:post_date_gmt>{day} 06:00:00</wp:post_date_gmt>"
                      f"<wp:post_name>beitrag-{post_id}</wp:post_name><wp:status>publish</wp:status>"
                      "<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
                      "<wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky>"
                      f'<category domain="category" nicename="rubrik-{post_id % 20}">Rubrik {post_id % 20}</category>'
                      f"{comments}</item>\n")
            items += 4
            if post_id % 10 == 0:
                post_id += 1
                out.write(f"<item><title>bild</title><wp:post_id>{post_id}</wp:post_id>"
                          f"<wp:post_type>attachment</wp:post_type><wp:post_parent>{post_id - 1}</wp:post_parent>"
                          "<wp:attachment_url>https://synth.example/wp-content/uploads/2020/01/fehlt.jpg"
                          "</wp:attachment_url></item>\n")
                items += 1
        out.write("</channel>\n</rss>\n")
    return items


def import_once(megabytes: float, folder: Path) -> dict:
    export = folder / f"export-{megabytes:g}.xml"
    say(f"writing a synthetic export of {megabytes:g} MB …")
    items = write_export(export, megabytes)
    env = {**os.environ, "NEWSDESK_DATA_DIR": str(folder / f"data-{megabytes:g}")}
    env.pop("DATABASE_URL", None)
    subprocess.run([str(NEWSDESK), "migrate", "-v0"], check=True, env=env)
    log = folder / f"import-{megabytes:g}.log"
    say(f"importing {items} items (log: {log}) …")
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    with open(log, "w") as out:
        child = subprocess.Popen([str(NEWSDESK), "import", "wordpress", str(export), "--no-progress"], env=env,
                                 stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(child.pid, 0)  # this child's own rusage: its peak RSS alone
    seconds = time.perf_counter() - started
    returncode = os.waitstatus_to_exitcode(status)
    peak_kb = usage.ru_maxrss
    output = log.read_text()
    created = sum(int(n) for n in re.findall(r"(\d+) created", output))
    skipped = sum(int(n) for n in re.findall(r"(\d+) skipped", output))
    if returncode != 0:
        say(output[-3000:])
    cpu = usage.ru_utime + usage.ru_stime
    return {"mb": export.stat().st_size / 1024 / 1024, "items": items, "created": created, "skipped": skipped,
            "seconds": seconds, "items_per_s": items / seconds, "cpu": cpu, "items_per_cpu_s": items / cpu,
            "peak_mb": peak_kb / 1024, "rc": returncode, "load": (load_before + os.getloadavg()[0]) / 2}


def say(text: str) -> None:
    # Flushed at once: a run that is killed (or outlives a terminal) still leaves its figures so far.
    print(text, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--full", action="store_true", help="the issue's 200 MB export")
    args = parser.parse_args()
    size = 200.0 if args.full else args.megabytes
    with tempfile.TemporaryDirectory(prefix="wp-bench-") as tmp:
        runs = {}
        for label, megabytes in (("reference", size / 10), ("run", size)):  # the short one first: early figures
            runs[label] = import_once(megabytes, Path(tmp))
            r = runs[label]
            say(f"{label:9}  {r['mb']:7.1f} MB  {r['items']:7d} items ({r['created']} created, {r['skipped']} "
                f"skipped)  {r['seconds']:7.1f} s  {r['items_per_s']:6.1f} items/s  "
                f"({r['cpu']:.0f} s CPU: {r['items_per_cpu_s']:.1f} items per CPU second)  "
                f"peak RSS {r['peak_mb']:6.1f} MB  load {r['load']:.1f}  exit {r['rc']}")
    run, ref = runs["run"], runs["reference"]
    say(f"file size ×{run['mb'] / ref['mb']:.1f}; items/s ×{run['items_per_s'] / ref['items_per_s']:.2f}; "
        f"items per CPU second ×{run['items_per_cpu_s'] / ref['items_per_cpu_s']:.2f}; "
        f"peak RSS ×{run['peak_mb'] / ref['peak_mb']:.2f}")
    say(f"peak RSS {run['peak_mb']:.0f} MB {'within' if run['peak_mb'] <= LIMIT_MB else 'ABOVE'} {LIMIT_MB} MB")
    sys.exit(0 if run["rc"] == 0 and ref["rc"] == 0 and run["peak_mb"] <= LIMIT_MB else 1)


if __name__ == "__main__":
    main()
